import { formatInstant, instantMs } from '@vigie/domain';
import type { ActiveKeyInfo } from '@vigie/vault';
import type { WorkflowDeps } from '../kernel/workflow-deps';

export interface OrphanKeyOptions {
  /**
   * How old a key must be before its absence from the log means it was abandoned: longer
   * than any append can stay in flight or be retried (the Idempotency-Key window), so a
   * delivery whose outcome is still unknown never loses its key. One hour by default.
   */
  readonly safeDelayMs?: number;
  readonly dryRun?: boolean;
  /** Keys examined per pass; the rest waits for the next one. */
  readonly limit?: number;
}

export interface OrphanKeyReport {
  readonly dryRun: boolean;
  /** Active keys older than the safe delay. */
  readonly examined: number;
  /** Those no event refers to, destroyed (or that would be, in a dry run). */
  readonly destroyed: readonly ActiveKeyInfo[];
}

export const DEFAULT_ORPHAN_SAFE_DELAY_MS = 60 * 60 * 1000;

/** Every key id an event of the log refers to (a delivery's sealed dataset, a purge). */
async function referencedKeyIds(deps: WorkflowDeps): Promise<Set<string>> {
  const referenced = new Set<string>();
  for await (const event of deps.store.readAll()) {
    const sealed = event.data['sealed'];
    if (typeof sealed === 'object' && sealed !== null && typeof (sealed as { keyId?: unknown }).keyId === 'string') {
      referenced.add((sealed as { keyId: string }).keyId);
    }
    const keyId = event.data['keyId'];
    if (typeof keyId === 'string') referenced.add(keyId);
  }
  return referenced;
}

/**
 * A delivery seals its data before appending: a crash (kill -9) between the two, or an
 * append whose outcome stayed unknown and was never retried, leaves a key that seals
 * nothing the log holds. Such keys are destroyed once older than the safe delay, and
 * only when no event refers to them: the log is read after the keys are listed, so a
 * delivery committed in between is seen and keeps its key.
 */
export async function reconcileOrphanKeys(deps: WorkflowDeps, now: Date | string, options: OrphanKeyOptions = {}): Promise<OrphanKeyReport> {
  const dryRun = options.dryRun ?? false;
  const nowMs = typeof now === 'string' ? instantMs(now, 'now') : now.getTime();
  const before = formatInstant(nowMs - (options.safeDelayMs ?? DEFAULT_ORPHAN_SAFE_DELAY_MS));
  const candidates = await deps.vault.activeKeysCreatedBefore(before, options.limit ?? 1000);
  if (candidates.length === 0) return { dryRun, examined: 0, destroyed: [] };
  const referenced = await referencedKeyIds(deps);
  const destroyed: ActiveKeyInfo[] = [];
  for (const key of candidates) {
    if (referenced.has(key.keyId)) continue;
    if (!dryRun) await deps.vault.destroy(key.keyId);
    destroyed.push(key);
  }
  return { dryRun, examined: candidates.length, destroyed };
}
