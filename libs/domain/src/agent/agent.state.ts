import { utcDateOf } from '../kernel/instant';

interface AgentDecision {
  readonly agentId: string;
  readonly fullName: string;
  readonly decisionRef: string;
  readonly habilitatedOn: string;
  readonly expiresOn?: string;
  readonly at: string;
}

/** The agent's latest decision; 'revoked' when it was withdrawn. Expiry is a matter of date, not of status. */
export type AgentState =
  | { readonly status: 'unknown' }
  | ({ readonly status: 'habilitated' } & AgentDecision)
  | ({ readonly status: 'revoked'; readonly revokedAt: string; readonly revocationReason: string } & AgentDecision);

export type HabilitatedAgent = Extract<AgentState, { readonly status: 'habilitated' }>;

/**
 * L2321-3 al. 1 ("habilités par le Premier ministre") and docs/design.md → Rules: habilitated at an
 * instant when the decision is not withdrawn, has started (habilitatedOn ≤ the instant's
 * UTC date) and has not ended. Choice: `expiresOn` is the first day without habilitation,
 * so the habilitation ends at 00:00 UTC on expiresOn.
 */
export const isHabilitatedAt = (state: AgentState, instant: string): boolean => {
  if (state.status !== 'habilitated') return false;
  const day = utcDateOf(instant);
  return state.habilitatedOn <= day && (state.expiresOn === undefined || day < state.expiresOn);
};

/** Whether the decision has lapsed by the instant (expiresOn reached). */
export const isExpiredAt = (state: AgentState, instant: string): boolean =>
  state.status !== 'unknown' && state.expiresOn !== undefined && utcDateOf(instant) >= state.expiresOn;

/** The reference of the decision in force (or last in force); a request records it (warrant card). */
export const decisionRefOf = (state: AgentState): string | undefined =>
  state.status === 'unknown' ? undefined : state.decisionRef;
