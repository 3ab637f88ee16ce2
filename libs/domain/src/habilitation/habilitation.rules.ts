import { DomainError } from '../kernel/domain-error';
import { HabilitationListsState, latestList } from './habilitation.state';

/** L2321-3 al. 1 ("dont la liste est transmise à l'ARCEP"): a list names at least one habilitated agent. */
export const assertListNotEmpty = (agentIds: readonly string[]): void => {
  if (agentIds.length === 0) throw new DomainError('NO_HABILITATED_AGENT', 'no agent is habilitated now');
};

/** Lists are versioned 1, 2, 3…: ARCEP can tell which snapshot is the latest. */
export const nextListVersion = (state: HabilitationListsState): number => (latestList(state)?.listVersion ?? 0) + 1;

/** A list is a set: sorted and without repetition, so two equal lists have equal events. */
export const normaliseAgentIds = (agentIds: readonly string[]): string[] => [...new Set(agentIds)].sort();
