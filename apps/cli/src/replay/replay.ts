import { parseInstant } from '@vigie/domain';
import type { EventStore, RecordedEvent } from '@vigie/event-store';
import { ReadStore, SqliteReadStore, type Projection } from '@vigie/projections';
import { SqliteProjectionTx } from '@vigie/projections/projection-tx';
import { prepareVersion } from '@vigie/projections/projection-versions';

/** How far to replay: events up to a position, events that had occurred by a time, or both. */
export interface ReplayBound {
  /** Inclusive. */
  readonly toPosition?: bigint;
  /** Inclusive, compared with each event's `metadata.occurredAt`. */
  readonly asOf?: Date;
}

export interface ReplayResult {
  /** In-memory read models as they stood at the bound; the caller closes it. */
  readonly readStore: SqliteReadStore;
  /**
   * Events read from the log, and applied to at least one projection. Without a position
   * bound only the types the projections handle are read (the store skips the others
   * unparsed), so `read` counts those; with one, every event up to it.
   */
  readonly read: number;
  readonly applied: number;
  /** The last event read within the bound (any type when a position bounds the replay), if any. */
  readonly last?: { readonly position: bigint; readonly occurredAt: string };
}

/** Folds applied per transaction: one commit per chunk, bounded memory. */
const CHUNK = 4096;

const occurredAtMs = (event: RecordedEvent): number => parseInstant(String(event.metadata.occurredAt ?? '')) ?? Number.NaN;

/**
 * Rebuilds read models from the log into a fresh in-memory store with the very folds
 * the live runner applies (the same code, the same SQL), so a replay as of now equals the
 * live model. Positions are strictly ordered, so a position bound stops the read; times
 * are not (two writers' clocks, a late append), so an as-of bound filters every event
 * and reads up to the head seen when the replay started.
 */
export async function replayProjections(store: EventStore, projections: readonly Projection[], bound: ReplayBound): Promise<ReplayResult> {
  const readStore = ReadStore.open({ path: ':memory:' });
  try {
    const byType = new Map<string, { projection: Projection; tx: SqliteProjectionTx }[]>();
    for (const projection of projections) {
      prepareVersion(readStore, projection);
      const tx = new SqliteProjectionTx(readStore, projection, projection.version);
      for (const type of projection.handles) byType.set(type, [...(byType.get(type) ?? []), { projection, tx }]);
    }
    const head = await store.headPosition();
    const stop = bound.toPosition !== undefined && bound.toPosition < head ? bound.toPosition : head;
    const asOfMs = bound.asOf?.getTime();
    let pending: RecordedEvent[] = [];
    const flush = (): void => {
      const chunk = pending;
      pending = [];
      readStore.transaction(() => {
        for (const event of chunk) for (const { projection, tx } of byType.get(event.type) ?? []) projection.apply(event, tx);
      });
    };
    let read = 0;
    let applied = 0;
    let last: RecordedEvent | undefined;
    // A report's folds handle a few types (a third of the log for compensation): the store
    // then skips the rest without making strings of their data. A position bound needs the
    // last event of any type up to it (its time is the report's moment), so it reads all.
    const types = [...byType.keys()];
    const filtered = bound.toPosition === undefined && types.length > 0;
    for await (const event of store.readAll(filtered ? { filter: { eventTypes: types } } : {})) {
      if (event.position > stop) break;
      read++;
      last = event;
      if (!byType.has(event.type)) continue;
      if (asOfMs !== undefined && !(occurredAtMs(event) <= asOfMs)) continue;
      applied++;
      pending.push(event);
      if (pending.length >= CHUNK) flush();
    }
    if (pending.length > 0) flush();
    return {
      readStore: new SqliteReadStore(readStore),
      read,
      applied,
      ...(last ? { last: { position: last.position, occurredAt: String(last.metadata.occurredAt ?? '') } } : {}),
    };
  } catch (error) {
    readStore.close();
    throw error;
  }
}
