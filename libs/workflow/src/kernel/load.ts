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
import { loadFromLastEvent } from './command-handler';
import type { WorkflowDeps } from './workflow-deps';

type StreamReads = Pick<WorkflowDeps, 'store' | 'streamStates'>;

/**
 * Current states of other streams, for the cross-stream checks of a command. Agents,
 * operators and incidents live for years: their folds are cached and caught up on each
 * read (kernel/stream-state.cache.ts), never stale, costing only what was appended since.
 */
export const loadOperator = async (deps: StreamReads, operatorId: string): Promise<OperatorState> =>
  (await deps.streamStates.load(operatorStream(operatorId), operatorDecider)).state;

export const loadAgent = async (deps: StreamReads, agentId: string): Promise<AgentState> =>
  (await deps.streamStates.load(agentStream(agentId), agentDecider)).state;

export const loadIncident = async (deps: StreamReads, incidentId: string): Promise<IncidentState> =>
  (await deps.streamStates.load(incidentStream(incidentId), incidentDecider)).state;

/**
 * L2321-3 al. 1: requests are made by agents "dont la liste est transmise à l'ARCEP"; the
 * list in force is the latest one transmitted, and the state of the lists stream is that
 * list alone (its evolve ignores the previous state). So the stream's last event, read
 * backwards, is the whole state: one event read, however many lists were transmitted.
 */
export const loadHabilitationLists = async (store: EventStore): Promise<HabilitationListsState> =>
  (await loadFromLastEvent(store, HABILITATION_LISTS_STREAM, habilitationListsDecider)).state;

/**
 * The agent using delivered data must satisfy the filing rule at that instant: habilitated
 * and on the latest list sent to ARCEP (see the domain rule), read from the log itself.
 */
export const assertAgentMayUseData = async (deps: StreamReads, agentId: string, at: string, use: string): Promise<void> => {
  const [agent, lists] = await Promise.all([loadAgent(deps, agentId), loadHabilitationLists(deps.store)]);
  assertAgentInStanding(agent, lists, agentId, at, use);
};
