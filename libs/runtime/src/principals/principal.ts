export type Role = 'admin' | 'agent' | 'operator' | 'auditor';
export const ROLES: readonly Role[] = ['admin', 'agent', 'operator', 'auditor'];

/** Who sends a command: an `agent` principal acts as its agentId, an `operator` one as its operatorId. */
export interface Principal {
  readonly id: string;
  readonly role: Role;
  readonly agentId?: string;
  readonly operatorId?: string;
}

export interface PrincipalRecord extends Principal {
  readonly keySha256: string;
}
