import {
  agentDecider,
  assertHabilitatedAt,
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

/** The agent acting must be habilitated at that instant (see the domain rule). */
export const assertAgentHabilitated = async (store: EventStore, agentId: string, at: string): Promise<void> =>
  assertHabilitatedAt(await loadAgent(store, agentId), at);
