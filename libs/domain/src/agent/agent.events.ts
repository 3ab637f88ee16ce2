import { DomainEvent } from '../kernel/decider';

/** An individual decision of the Prime Minister habilitating an ANSSI agent (L2321-3 al. 1). */
export interface AgentHabilitatedData {
  readonly agentId: string;
  readonly fullName: string;
  readonly decisionRef: string;
  /** First day of habilitation (YYYY-MM-DD). */
  readonly habilitatedOn: string;
  /** First day WITHOUT habilitation (YYYY-MM-DD): the habilitation ends at the start of that day (UTC). */
  readonly expiresOn?: string;
  /** When the decision was recorded. */
  readonly at: string;
}

export interface AgentHabilitationRevokedData {
  readonly agentId: string;
  readonly decisionRef: string;
  readonly reason: string;
  readonly revokedAt: string;
}

export type AgentHabilitated = DomainEvent<'AgentHabilitated', AgentHabilitatedData>;
export type AgentHabilitationRevoked = DomainEvent<'AgentHabilitationRevoked', AgentHabilitationRevokedData>;

export type AgentEvent = AgentHabilitated | AgentHabilitationRevoked;

export const AGENT_EVENT_TYPES = [
  'AgentHabilitated',
  'AgentHabilitationRevoked',
] as const satisfies readonly AgentEvent['type'][];
