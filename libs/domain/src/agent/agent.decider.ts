import { assertNever, Decider } from '../kernel/decider';
import { assertNonBlank } from '../kernel/guards';
import { assertIsoDate, instantMs } from '../kernel/instant';
import { AgentCommand, HabilitateAgent, RevokeHabilitation } from './agent.commands';
import { AgentEvent } from './agent.events';
import { assertHabilitationPeriod, assertNoDecisionInForce, assertRevocable } from './agent.rules';
import { AgentState } from './agent.state';

export const initialAgentState = (): AgentState => ({ status: 'unknown' });

export const evolveAgent = (state: AgentState, event: AgentEvent): AgentState => {
  switch (event.type) {
    case 'AgentHabilitated':
      return { status: 'habilitated', ...event.data };
    case 'AgentHabilitationRevoked':
      if (state.status === 'unknown') return state;
      return { ...state, status: 'revoked', revokedAt: event.data.revokedAt, revocationReason: event.data.reason };
    default:
      return assertNever(event);
  }
};

const habilitate = ({ data }: HabilitateAgent, state: AgentState): AgentEvent[] => {
  instantMs(data.at, 'at');
  assertIsoDate(data.habilitatedOn, 'habilitatedOn');
  if (data.expiresOn !== undefined) assertIsoDate(data.expiresOn, 'expiresOn');
  assertNonBlank(data.fullName, 'fullName');
  assertNonBlank(data.decisionRef, 'decisionRef');
  assertNoDecisionInForce(state, data.at);
  assertHabilitationPeriod(data.habilitatedOn, data.expiresOn);
  const { agentId, fullName, decisionRef, habilitatedOn, expiresOn, at } = data;
  return [
    {
      type: 'AgentHabilitated',
      data: { agentId, fullName, decisionRef, habilitatedOn, ...(expiresOn === undefined ? {} : { expiresOn }), at },
    },
  ];
};

const revoke = ({ data }: RevokeHabilitation, state: AgentState): AgentEvent[] => {
  instantMs(data.revokedAt, 'revokedAt');
  assertRevocable(state, data.revokedAt);
  assertNonBlank(data.reason, 'reason');
  const { agentId, decisionRef } = state;
  return [{ type: 'AgentHabilitationRevoked', data: { agentId, decisionRef, reason: data.reason, revokedAt: data.revokedAt } }];
};

export const decideAgent = (command: AgentCommand, state: AgentState): AgentEvent[] => {
  switch (command.type) {
    case 'HabilitateAgent':
      return habilitate(command, state);
    case 'RevokeHabilitation':
      return revoke(command, state);
    default:
      return assertNever(command);
  }
};

export const agentDecider: Decider<AgentCommand, AgentEvent, AgentState> = {
  initialState: initialAgentState,
  evolve: evolveAgent,
  decide: decideAgent,
};
