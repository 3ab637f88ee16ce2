import { HABILITATION_LISTS_STREAM, habilitationListsDecider, isHabilitatedAt, latestList } from '@vigie/domain';
import { handleCommand, loadFromLastEvent } from '../kernel/command-handler';
import type { CommandMeta } from '../kernel/command-meta';
import { loadAgent } from '../kernel/load';
import { habilitatedAgentIds } from './habilitated-agents.log';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

export interface TransmittedList {
  readonly listVersion: number;
  readonly agentIds: readonly string[];
  readonly transmittedAt: string;
}

/**
 * L2321-3 al. 1: the list of habilitated agents "est transmise à l'ARCEP". The snapshot
 * holds every agent habilitated at this instant, each decided on its own stream; the
 * candidates come from the log, so no lagging read model can shorten the list.
 *
 * The lists stream is read from its last event only (the next version number and the
 * list in force are both in it; see loadHabilitationLists). A retry is thus recognised
 * while its list is still the latest; one arriving after another transmission transmits
 * the agents habilitated at that instant, which is what a new transmission sends anyway.
 */
export async function transmitHabilitationList(deps: WorkflowDeps, meta: CommandMeta): Promise<Outcome<TransmittedList>> {
  const candidates = await habilitatedAgentIds(deps.store);
  const habilitated: string[] = [];
  for (const agentId of candidates) {
    if (isHabilitatedAt(await loadAgent(deps, agentId), meta.occurredAt)) habilitated.push(agentId);
  }
  const { state, position } = await handleCommand(
    deps.store,
    HABILITATION_LISTS_STREAM,
    habilitationListsDecider,
    { type: 'TransmitHabilitationList', data: { agentIds: habilitated, transmittedAt: meta.occurredAt } },
    () => undefined,
    meta,
    loadFromLastEvent,
  );
  const list = latestList(state);
  if (!list) throw new Error('A transmitted list must exist after a transmission');
  return { listVersion: list.listVersion, agentIds: list.agentIds, transmittedAt: list.transmittedAt, position };
}
