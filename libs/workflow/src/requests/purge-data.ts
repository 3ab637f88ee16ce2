import { requestDecider, requestStream, type DataPurged } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import type { CommandMeta } from '../kernel/command-meta';
import { assertAgentMayUseData } from '../kernel/load';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

export interface PurgeAnswer {
  readonly purgedAt: string;
  readonly datasetId: string;
  readonly overdue: boolean;
}

/**
 * Crypto-shredding (docs/design.md): DataPurged is appended, then the dataset's key is destroyed,
 * so the ciphertext left in the log (and in any backup of it) can never be read again.
 * A crash between the two steps leaves an active key behind a purged dataset: the
 * retention scheduler reconciles it, and so does any retry of this command.
 */
export async function purgeData(
  deps: WorkflowDeps,
  meta: CommandMeta,
  requestId: string,
  reason: string,
  /** Set when an agent purges: the habilitation rule applies to that use too (an admin or the scheduler purge without it). */
  byAgentId?: string,
): Promise<Outcome<PurgeAnswer>> {
  if (byAgentId !== undefined) await assertAgentMayUseData(deps, byAgentId, meta.occurredAt, 'purge the delivered data');
  const { events, position } = await handleCommand(
    deps.store,
    requestStream(requestId),
    requestDecider,
    { type: 'PurgeData', data: { reason, purgedAt: meta.occurredAt, by: meta.actor.id } },
    () => undefined,
    meta,
  );
  const purged = events.find((e): e is DataPurged => e.type === 'DataPurged');
  if (!purged) throw new Error('PurgeData decided no DataPurged event');
  await deps.vault.destroy(purged.data.keyId);
  return { purgedAt: purged.data.purgedAt, datasetId: purged.data.datasetId, overdue: purged.data.overdue, position };
}
