import { DomainError } from '../kernel/domain-error';
import { AgentState, HabilitatedAgent, isExpiredAt, isHabilitatedAt } from './agent.state';

/**
 * docs/design.md → Rules: a decision stays in force until withdrawn or expired;
 * while one is (or will be) in force, a second one is refused. A revoked or expired agent
 * may be habilitated again by a new decision.
 */
export const hasDecisionInForce = (state: AgentState, at: string): state is HabilitatedAgent =>
  state.status === 'habilitated' && !isExpiredAt(state, at);

export const assertNoDecisionInForce = (state: AgentState, at: string): void => {
  if (hasDecisionInForce(state, at)) {
    throw new DomainError('AGENT_EXISTS', 'agent already holds a habilitation in force');
  }
};

/** docs/design.md → Rules: the Prime Minister's decision "may be withdrawn at any time" — only while it is in force. */
export function assertRevocable(state: AgentState, at: string): asserts state is HabilitatedAgent {
  if (!hasDecisionInForce(state, at)) {
    throw new DomainError('AGENT_NOT_HABILITATED', 'agent holds no habilitation in force');
  }
}

/** A habilitation period ends after it starts: expiresOn (first day without habilitation) > habilitatedOn. */
export const assertHabilitationPeriod = (habilitatedOn: string, expiresOn: string | undefined): void => {
  if (expiresOn !== undefined && expiresOn <= habilitatedOn) {
    throw new DomainError('PERIOD_INVALID', 'expiresOn must come after habilitatedOn');
  }
};

/**
 * L2321-3 al. 1: only agents "habilités par le Premier ministre" obtain the data; using it
 * (reading delivered data, alerting a holder) is refused once the habilitation has ended.
 */
export const assertHabilitatedAt = (state: AgentState, at: string): void => {
  if (!isHabilitatedAt(state, at)) {
    throw new DomainError('AGENT_NOT_HABILITATED', 'the agent is not habilitated now');
  }
};
