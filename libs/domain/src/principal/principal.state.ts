import { PrincipalRole } from './principal.events';

export type PrincipalState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'revoked';
      readonly principalId: string;
      readonly role: PrincipalRole;
      readonly agentId?: string;
      readonly operatorId?: string;
      readonly label: string;
      readonly keySha256: string;
      readonly enrolledAt: string;
      readonly revokedAt?: string;
    };

/** The singleton roster: the admins whose revocation was recorded, in order. */
export interface AdminRosterState {
  readonly revokedAdminIds: readonly string[];
}
