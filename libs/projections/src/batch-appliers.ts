import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { BatchWriter } from './read-store-writer';
import type { RecordedPart } from './recording-tx';
import { ApplyError, type ProjectionWorker } from './projection-worker';
import type { ReadStore } from './read-store';

/** Which members committed a batch, and which failed on it (their part undone). */
export interface BatchOutcome {
  readonly applied: readonly ProjectionWorker[];
  readonly failed: readonly (readonly [ProjectionWorker, unknown])[];
}

type Failures = [ProjectionWorker, unknown][];

const transactions = new WeakMap<ReadStore, (members: readonly ProjectionWorker[], batch: readonly RecordedEvent[]) => BatchOutcome>();

/**
 * On the read store's own connection, at once: one transaction for the batch and, since
 * nested better-sqlite3 transactions are savepoints, one savepoint per member inside it.
 */
export function applyBatch(readStore: ReadStore, members: readonly ProjectionWorker[], batch: readonly RecordedEvent[]): Promise<BatchOutcome> {
  let transaction = transactions.get(readStore);
  if (!transaction) {
    const part = readStore.db.transaction((member: ProjectionWorker, events: readonly RecordedEvent[]) => member.apply(events));
    transaction = readStore.db.transaction((all: readonly ProjectionWorker[], events: readonly RecordedEvent[]) => {
      const applied: ProjectionWorker[] = [];
      const failed: Failures = [];
      for (const member of all) {
        try {
          if (part(member, events)) applied.push(member);
        } catch (error) {
          failed.push([member, error]);
        }
      }
      return { applied, failed };
    });
    transactions.set(readStore, transaction);
  }
  try {
    return Promise.resolve(transaction(members, batch));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Folds every member now (recording its statements) and lets the writer thread commit
 * them. A fold that throws fails its member at once, before anything is sent; a
 * statement that fails in the writer undoes that member's part there.
 */
export function writeBatch(
  writer: BatchWriter,
  members: readonly ProjectionWorker[],
  batch: readonly RecordedEvent[],
): Promise<BatchOutcome> {
  const parts: RecordedPart[] = [];
  const owners: ProjectionWorker[] = [];
  const failed: Failures = [];
  for (const member of members) {
    try {
      const part = member.record(batch, writer.sqlIds);
      if (part) {
        parts.push(part);
        owners.push(member);
      }
    } catch (error) {
      failed.push([member, error]);
    }
  }
  if (parts.length === 0) return Promise.resolve({ applied: [], failed });
  // Keep what names an event in a failure, not the events: parsed data must die young.
  const positions = batch.map((e) => e.position);
  const eventIds = batch.map((e) => e.eventId);
  const types = batch.map((e) => e.type);
  return writer.write(parts).then((results) => {
    const applied: ProjectionWorker[] = [];
    results.forEach((result, i) => {
      if (result.ok) applied.push(owners[i]);
      else if (!result.skipped) {
        const at = result.eventIndex;
        const cause = new Error(result.message);
        failed.push([owners[i], at === undefined ? cause : new ApplyError({ position: positions[at], eventId: eventIds[at], type: types[at] }, cause)]);
      }
    });
    return { applied, failed };
  });
}
