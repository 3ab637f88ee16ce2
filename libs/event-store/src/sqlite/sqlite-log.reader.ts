import type Database from 'better-sqlite3';
import type { ChainReport, ReadAllOptions, RecordedEvent } from '../event-store.port';
import { ChainVerifier } from '../verify/chain-verifier';
import { PagedEventIterator, yieldToLoop } from './sqlite-page.iterator';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './sqlite-row';

/** Rows per query: huge logs stream in constant memory. */
export const PAGE_SIZE = 1000;
const VERIFY_PAGE_SIZE = 5000;

type ChainRow = [string, bigint, bigint, string, string, string, string];

/** Every read of the log; each page is one short statement, never an open cursor across awaits. */
export class SqliteLogReader {
  private readonly allPage: Database.Statement;
  private readonly streamPage: Database.Statement;
  private readonly streamLast: Database.Statement;
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
    // The UNIQUE (stream_id, revision) index walked from its end: one row, however long the stream.
    this.streamLast = db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`)
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

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<RecordedEvent> {
    const after = options.after ?? 0n;
    return new PagedEventIterator(
      (last, limit) => {
        this.assertOpen();
        return this.allPage.all(last?.[0] ?? after, limit) as EventRow[];
      },
      PAGE_SIZE,
      options.maxCount,
    );
  }

  readStream(streamId: string, fromRevision = 0n): AsyncIterableIterator<RecordedEvent> {
    const from = fromRevision < 0n ? 0n : fromRevision;
    return new PagedEventIterator((last, limit) => {
      this.assertOpen();
      return this.streamPage.all(streamId, last === undefined ? from : last[2] + 1n, limit) as EventRow[];
    }, PAGE_SIZE);
  }

  readLastEvent(streamId: string): RecordedEvent | undefined {
    this.assertOpen();
    const row = this.streamLast.get(streamId) as EventRow | undefined;
    return row === undefined ? undefined : toRecordedEvent(row);
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
