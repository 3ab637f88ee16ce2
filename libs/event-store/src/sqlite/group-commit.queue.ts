import type Database from 'better-sqlite3';
import { EventStoreError } from '../event-store.errors';
import type { AppendResult } from '../event-store.port';
import type { PreparedAppend, SqliteAppendWriter } from './sqlite-append.writer';
import { appendFailure } from './sqlite-busy';

/** What one commit wrote: lets tests and metrics see how well appends are grouped. */
export interface CommitInfo {
  /** Appends settled by this commit, refused ones included. */
  readonly appends: number;
  /** Events acknowledged (idempotent replays included). */
  readonly events: number;
}

interface PendingAppend {
  readonly append: PreparedAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = AppendResult | EventStoreError;

/**
 * Group commit: appends that arrive before the next turn of the event loop are written
 * in one transaction (one COMMIT, one fsync). Each keeps its own expected-revision
 * check, evaluated in queue order against the state left by the earlier appends of the
 * batch; a refused append writes nothing and fails alone. Promises
 * settle only after the COMMIT; if the COMMIT fails, every append of the batch fails.
 *
 * Several processes may share the file: BEGIN IMMEDIATE takes the write lock before the
 * first read, so the stream tails, the expected-revision checks and the hash chain links
 * see the last commit of any process, and positions are handed out in commit order. A
 * lock held elsewhere beyond the busy timeout rejects the whole batch with a
 * StoreBusyError, having written nothing.
 */
export class GroupCommitQueue {
  private pending: PendingAppend[] = [];
  private scheduled = false;
  private readonly writeBatch: (batch: readonly PendingAppend[]) => Outcome[];

  constructor(
    db: Database.Database,
    writer: SqliteAppendWriter,
    private readonly afterCommit: (info: CommitInfo) => void,
  ) {
    const transaction = db.transaction((batch: readonly PendingAppend[]) => {
      const outcomes: Outcome[] = [];
      for (const p of batch) {
        try {
          outcomes.push(writer.write(p.append));
        } catch (error) {
          if (!(error instanceof EventStoreError)) throw error;
          outcomes.push(error);
        }
      }
      return outcomes;
    });
    // IMMEDIATE takes the write lock up front: the checks read what the inserts build on.
    this.writeBatch = (batch) => transaction.immediate(batch);
  }

  enqueue(append: PreparedAppend): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ append, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes whatever is queued now; close() calls it so no acknowledged append is lost. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.writeBatch(batch);
    } catch (error) {
      // The transaction was rolled back (or never began): no append of the batch is stored.
      const failure = appendFailure(error);
      for (const p of batch) p.reject(failure);
      return;
    }
    let events = 0;
    for (let i = 0; i < batch.length; i++) {
      const outcome = outcomes[i];
      if (outcome instanceof EventStoreError) {
        batch[i].reject(outcome);
      } else {
        events += batch[i].append.events.length;
        batch[i].resolve(outcome);
      }
    }
    this.afterCommit({ appends: batch.length, events });
  }
}
