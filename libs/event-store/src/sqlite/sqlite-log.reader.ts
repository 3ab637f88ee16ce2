import type Database from 'better-sqlite3';
import type { ChainReport, ReadAllOptions, RecordedEvent } from '../event-store.port';
import { ChainVerifier } from '../verify/chain-verifier';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './sqlite-row';

/** Rows per query: huge logs stream in constant memory. */
export const PAGE_SIZE = 1000;
const VERIFY_PAGE_SIZE = 5000;

type ChainRow = [string, bigint, bigint, string, string, string, string];

/** Lets appends and timers run between pages of a long read on the shared connection. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Every read of the log; each page is one short statement, never an open cursor across awaits. */
export class SqliteLogReader {
  private readonly allPage: Database.Statement;
  private readonly streamPage: Database.Statement;
  private readonly head: Database.Statement;
  private readonly chainPage: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly assertOpen: () => void,
  ) {
    this.allPage = db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .safeIntegers(true)
      .raw(true);
    this.streamPage = db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`)
      .safeIntegers(true)
      .raw(true);
    this.head = db.prepare('SELECT MAX(position) FROM events').safeIntegers(true).pluck(true);
    this.chainPage = db
      .prepare('SELECT stream_id, revision, position, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position LIMIT ?')
      .safeIntegers(true)
      .raw(true);
  }

  headPosition(): bigint {
    this.assertOpen();
    return (this.head.get() as bigint | null) ?? 0n;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    let after = options.after ?? 0n;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      this.assertOpen();
      const limit = Math.min(PAGE_SIZE, remaining);
      const rows = this.allPage.all(after, limit) as EventRow[];
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < limit) return;
      after = rows[rows.length - 1][0];
      remaining -= rows.length;
      await yieldToLoop();
    }
  }

  async *readStream(streamId: string, fromRevision = 0n): AsyncGenerator<RecordedEvent> {
    let from = fromRevision < 0n ? 0n : fromRevision;
    for (;;) {
      this.assertOpen();
      const rows = this.streamPage.all(streamId, from, PAGE_SIZE) as EventRow[];
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < PAGE_SIZE) return;
      from = rows[rows.length - 1][2] + 1n;
      await yieldToLoop();
    }
  }

  /** Walks raw rows in position order: canonical text is hashed as stored, never parsed. */
  async verifyChains(): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    let after = 0n;
    for (;;) {
      this.assertOpen();
      const rows = this.chainPage.all(after, VERIFY_PAGE_SIZE) as ChainRow[];
      for (const r of rows) verifier.accept(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
      if (rows.length < VERIFY_PAGE_SIZE) return verifier.report();
      after = rows[rows.length - 1][2];
      await yieldToLoop();
    }
  }
}
