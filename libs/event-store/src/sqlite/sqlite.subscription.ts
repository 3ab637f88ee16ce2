import type Database from 'better-sqlite3';
import type { RecordedEvent, Subscription, SubscriptionFilter } from '../event-store.port';
import { filterClause } from './sqlite-filter';
import { LimitedStatements } from './sqlite-limit';
import { PAGE_SIZE } from './sqlite-log.reader';
import { yieldToLoop } from './sqlite-page.iterator';
import { EVENT_COLUMNS, type EventRow, rawRows, toRecordedEvent } from './sqlite-row';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Catch-up then live on one query: every fetch reads `position > last seen` from the
 * file, so the switch to live can neither skip nor repeat an event (SQLite serialises
 * writers and AUTOINCREMENT hands out positions in commit order). It waits between
 * fetches until woken by an in-process commit or by the poll timer, which finds the
 * appends of other processes.
 */
export class SqliteSubscription implements Subscription {
  private buffer: RecordedEvent[] = [];
  private index = 0;
  private closed = false;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly fetchPage: () => RecordedEvent[];

  constructor(
    db: Database.Database,
    private checkpoint: bigint,
    filter: SubscriptionFilter,
    private readonly pollIntervalMs: number,
    private readonly onClose: (subscription: SqliteSubscription) => void,
  ) {
    const { where, params } = filterClause(filter);
    const page = new LimitedStatements(db, `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ?${where} ORDER BY position LIMIT ?`, rawRows);
    const head = db.prepare('SELECT MAX(position) FROM events').safeIntegers(true).pluck(true);
    // One read transaction: a short page means every event up to the snapshot's head
    // was scanned, so the checkpoint may move past events the filter skipped.
    this.fetchPage = db.transaction(() => {
      const rows = page.all(PAGE_SIZE, this.checkpoint, ...params) as EventRow[];
      const scanned = rows.length < PAGE_SIZE ? ((head.get() as bigint | null) ?? 0n) : rows[rows.length - 1][0];
      if (scanned > this.checkpoint) this.checkpoint = scanned;
      return rows.map(toRecordedEvent);
    });
  }

  /** Called after each in-process commit and by the poll timer. */
  notify(): void {
    const wake = this.wake;
    if (wake === undefined) return;
    this.wake = undefined;
    clearTimeout(this.timer);
    wake();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.buffer = [];
    this.notify();
    this.onClose(this);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return DONE;
      },
    };
  }

  private async next(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.closed) return DONE;
      if (this.index < this.buffer.length) return { done: false, value: this.buffer[this.index++] };
      const caughtUp = this.buffer.length < PAGE_SIZE;
      if (!caughtUp) await yieldToLoop();
      if (this.closed) return DONE;
      this.buffer = this.fetchPage();
      this.index = 0;
      if (this.buffer.length === 0) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      this.wake = resolve;
      // The poll only notices other processes' appends: it must not keep this one alive.
      this.timer = setTimeout(() => this.notify(), this.pollIntervalMs).unref();
    });
  }
}
