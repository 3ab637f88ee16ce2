import { HabilitationListsState, isOnLatestList } from '../habilitation/habilitation.state';
import { DomainError } from '../kernel/domain-error';
import { AgentState, HabilitatedAgent, isExpiredAt, isHabilitatedAt } from './agent.state';

/** Which condition of the habilitation rule an agent fails, named so the refusal can say it. */
export type HabilitationFailure = 'not-habilitated' | 'revoked' | 'expired' | 'not-on-latest-list';

const DETAIL: Readonly<Record<HabilitationFailure, string>> = {
  'not-habilitated': 'the agent is not habilitated',
  revoked: 'the agent’s habilitation was revoked',
  expired: 'the agent’s habilitation has expired',
  'not-on-latest-list': 'the agent is not on the latest list transmitted to ARCEP',
};

/**
 * L2321-3 al. 1: the data go to agents "habilités par le Premier ministre … et dont la
 * liste est transmise à l'ARCEP" — habilitated at the instant (decision in force, not
 * withdrawn, not expired) AND on the latest transmitted list. Undefined when both hold.
 */
export const habilitationFailure = (
  agent: AgentState,
  lists: HabilitationListsState,
  agentId: string,
  at: string,
): HabilitationFailure | undefined => {
  if (agent.status === 'unknown' || agent.agentId !== agentId) return 'not-habilitated';
  if (agent.status === 'revoked') return 'revoked';
  if (isExpiredAt(agent, at)) return 'expired';
  if (!isHabilitatedAt(agent, at)) return 'not-habilitated';
  if (!isOnLatestList(lists, agentId)) return 'not-on-latest-list';
  return undefined;
};

/**
 * The same rule governs every agent use of the data — filing, reading, alerting, purging:
 * the article grants the data to these agents only, not to whoever once filed.
 */
export function assertAgentInStanding(
  agent: AgentState,
  lists: HabilitationListsState,
  agentId: string,
  at: string,
  use: string,
): asserts agent is HabilitatedAgent {
  const failure = habilitationFailure(agent, lists, agentId, at);
  if (failure !== undefined) throw new DomainError('AGENT_NOT_HABILITATED', `${DETAIL[failure]}: it may not ${use} (L2321-3 al. 1)`);
}
