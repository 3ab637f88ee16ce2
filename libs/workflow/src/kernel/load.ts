import {
  agentDecider,
  assertAgentInStanding,
  agentStream,
  HABILITATION_LISTS_STREAM,
  habilitationListsDecider,
  incidentDecider,
  incidentStream,
  operatorDecider,
  operatorStream,
  type AgentState,
  type HabilitationListsState,
  type IncidentState,
  type OperatorState,
} from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import { loadStream } from './command-handler';

/** Current states of other streams, for the cross-stream checks of a command. */
export const loadOperator = async (store: EventStore, operatorId: string): Promise<OperatorState> =>
  (await loadStream(store, operatorStream(operatorId), operatorDecider)).state;

export const loadAgent = async (store: EventStore, agentId: string): Promise<AgentState> =>
  (await loadStream(store, agentStream(agentId), agentDecider)).state;

export const loadIncident = async (store: EventStore, incidentId: string): Promise<IncidentState> =>
  (await loadStream(store, incidentStream(incidentId), incidentDecider)).state;

export const loadHabilitationLists = async (store: EventStore): Promise<HabilitationListsState> =>
  (await loadStream(store, HABILITATION_LISTS_STREAM, habilitationListsDecider)).state;

/**
 * The agent using delivered data must satisfy the filing rule at that instant: habilitated
 * and on the latest list sent to ARCEP (see the domain rule), read from the log itself.
 */
export const assertAgentMayUseData = async (store: EventStore, agentId: string, at: string, use: string): Promise<void> => {
  const [agent, lists] = await Promise.all([loadAgent(store, agentId), loadHabilitationLists(store)]);
  assertAgentInStanding(agent, lists, agentId, at, use);
};
