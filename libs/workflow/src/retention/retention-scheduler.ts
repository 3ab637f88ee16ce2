import { DomainError, formatInstant, instantMs, isOverdue, requestDecider, requestStream, type DataPurged } from '@vigie/domain';
import { handleCommand, loadStream } from '../kernel/command-handler';
import { newCommandId, type CommandMeta } from '../kernel/command-meta';
import type { WorkflowDeps } from '../kernel/workflow-deps';
import { reconcileOrphanKeys, type OrphanKeyOptions, type OrphanKeyReport } from './orphan-keys.reconciler';

/** docs/design.md → Rules: the reason a purge on deadline carries in `DataPurged`. */
export const RETENTION_EXPIRED = 'retention-expired';

/** The scheduler acts as itself in the log: every purge it makes is attributable. */
export const RETENTION_SCHEDULER_ACTOR = { id: 'retention-scheduler', role: 'system' } as const;

export interface DueDataset {
  readonly requestId: string;
  readonly datasetId: string;
}

export interface PurgedDatasetKey extends DueDataset {
  readonly keyId: string;
}

export interface PurgeDueOptions {
  /** Report what would be done; append nothing, destroy nothing. */
  readonly dryRun?: boolean;
  /** Datasets not purged whose deadline is at or before `now` + `horizonMs` (the retention read model). */
  readonly dueDatasets: () => Promise<readonly DueDataset[]>;
  /**
   * Purge what falls due before the next run too: a scheduler that wakes every N ms
   * passes N, so no dataset outlives its deadline between two runs (purging early is
   * always lawful: the retention period is a maximum). Default 0.
   */
  readonly horizonMs?: number;
  /** Datasets purged in the log, with their key ids, to find keys a crash left active. */
  readonly purgedDatasets?: () => Promise<readonly PurgedDatasetKey[]>;
  /** Also destroy keys no event refers to (see reconcileOrphanKeys); the dry run applies. */
  readonly orphanKeys?: Omit<OrphanKeyOptions, 'dryRun'>;
}

export interface PurgeSummary {
  readonly dryRun: boolean;
  readonly purged: readonly (PurgedDatasetKey & { readonly purgedAt: string; readonly overdue: boolean })[];
  /** Due datasets that another process (or an earlier run) purged first: nothing done. */
  readonly alreadyPurged: readonly DueDataset[];
  /** Datasets purged in the log whose key was still active: the key is now destroyed. */
  readonly reconciled: readonly PurgedDatasetKey[];
  /** Present when `orphanKeys` was asked for. */
  readonly orphanKeys?: OrphanKeyReport;
}

type Attempt = { readonly outcome: 'purged'; readonly event: DataPurged } | { readonly outcome: 'already-purged' };

const metaAt = (now: string): CommandMeta => {
  // A fresh command id per attempt: two processes never share one, so the expected revision decides.
  const commandId = newCommandId();
  return { actor: RETENTION_SCHEDULER_ACTOR, commandId, correlationId: commandId, occurredAt: now };
};

/** One due dataset: re-checked on the log itself (the read model may lag), then purged. */
async function purgeOne(deps: WorkflowDeps, now: string, horizonMs: number, due: DueDataset, dryRun: boolean): Promise<Attempt | undefined> {
  const { state } = await loadStream(deps.store, requestStream(due.requestId), requestDecider);
  if (state.status === 'purged') return { outcome: 'already-purged' };
  if (state.status !== 'delivered' || state.delivery.datasetId !== due.datasetId) return undefined;
  if (instantMs(state.delivery.retentionDeadline) > instantMs(now) + horizonMs) return undefined;
  if (dryRun) {
    const { datasetId, keyId, retentionDeadline } = state.delivery;
    const by = RETENTION_SCHEDULER_ACTOR.id;
    const overdue = isOverdue(retentionDeadline, now);
    const data = { requestId: due.requestId, datasetId, keyId, reason: RETENTION_EXPIRED, by, purgedAt: now, retentionDeadline, overdue };
    return { outcome: 'purged', event: { type: 'DataPurged', data } };
  }
  try {
    const meta = metaAt(now);
    const { events, appended } = await handleCommand(
      deps.store,
      requestStream(due.requestId),
      requestDecider,
      { type: 'PurgeData', data: { reason: RETENTION_EXPIRED, purgedAt: now, by: RETENTION_SCHEDULER_ACTOR.id } },
      () => undefined,
      meta,
    );
    const event = events.find((e): e is DataPurged => e.type === 'DataPurged');
    if (!appended || !event) return { outcome: 'already-purged' };
    await deps.vault.destroy(event.data.keyId);
    return { outcome: 'purged', event };
  } catch (error) {
    // The loser of a race sees the winner's DataPurged: it does nothing.
    if (error instanceof DomainError && error.code === 'DATA_PURGED') return { outcome: 'already-purged' };
    throw error;
  }
}

/**
 * L2321-3 al. 2 (five years at most) and the configured policy: every dataset whose
 * retention deadline has passed is purged with reason `retention-expired` — DataPurged
 * appended, then the key destroyed (crypto-shredding). Safe in several processes at once:
 * the expected revision lets one append win; the others see DATA_PURGED and do nothing.
 * Also destroys keys a crash left active behind datasets already purged in the log.
 */
export async function purgeDue(deps: WorkflowDeps, now: Date | string, options: PurgeDueOptions): Promise<PurgeSummary> {
  const at = formatInstant(typeof now === 'string' ? instantMs(now, 'now') : now.getTime());
  const dryRun = options.dryRun ?? false;
  const purged: PurgeSummary['purged'][number][] = [];
  const alreadyPurged: DueDataset[] = [];
  for (const due of await options.dueDatasets()) {
    const attempt = await purgeOne(deps, at, options.horizonMs ?? 0, due, dryRun);
    if (attempt?.outcome === 'purged') {
      const { requestId, datasetId, keyId, purgedAt, overdue } = attempt.event.data;
      purged.push({ requestId, datasetId, keyId, purgedAt, overdue });
    } else if (attempt?.outcome === 'already-purged') {
      alreadyPurged.push({ requestId: due.requestId, datasetId: due.datasetId });
    }
  }
  const reconciled: PurgedDatasetKey[] = [];
  for (const dataset of (await options.purgedDatasets?.()) ?? []) {
    if ((await deps.vault.has(dataset.keyId)) !== 'active') continue;
    if (!dryRun) await deps.vault.destroy(dataset.keyId);
    reconciled.push({ requestId: dataset.requestId, datasetId: dataset.datasetId, keyId: dataset.keyId });
  }
  if (options.orphanKeys === undefined) return { dryRun, purged, alreadyPurged, reconciled };
  const orphanKeys = await reconcileOrphanKeys(deps, at, { ...options.orphanKeys, dryRun });
  return { dryRun, purged, alreadyPurged, reconciled, orphanKeys };
}
