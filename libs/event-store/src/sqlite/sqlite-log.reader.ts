import type Database from 'better-sqlite3';
import type { ChainReport, ReadAllOptions, RecordedEvent, SubscriptionFilter } from '../event-store.port';
import { LINK_HEAD_SQL } from '../hash-chain';
import { ChainVerifier } from '../verify/chain-verifier';
import { filterClause, prefixRange } from './sqlite-filter';
import { LimitedStatements } from './sqlite-limit';
import { PagedEventIterator, yieldToLoop } from './sqlite-page.iterator';
import { EVENT_COLUMNS, type EventRow, rawRows, toRecordedEvent } from './sqlite-row';

/** Rows per query: huge logs stream in constant memory. */
export const PAGE_SIZE = 1000;
/**
 * Small enough that a page's strings die young: 5,000-row pages (~5 MiB) outlived
 * scavenges and were promoted, and GC took twice the time it takes with 500.
 */
const VERIFY_PAGE_SIZE = 500;
/**
 * A filtered read gathers the positions its stream prefixes hold from the stream index
 * first, up to this many; beyond, a filter that keeps that much of the log is read in
 * position order like an unfiltered one.
 */
export const INDEXED_FILTER_LIMIT = 100_000;

type ChainRow = [string, bigint, bigint, string, string, string];

/** Every read of the log; each page is one short statement, never an open cursor across awaits. */
export class SqliteLogReader {
  private readonly allPage: LimitedStatements;
  private readonly streamPage: LimitedStatements;
  private readonly streamLast: Database.Statement;
  private readonly head: Database.Statement;
  private readonly chainPage: LimitedStatements;
  private readonly inRange: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly assertOpen: () => void,
  ) {
    this.allPage = new LimitedStatements(db, `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`, rawRows);
    this.streamPage = new LimitedStatements(
      db,
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      rawRows,
    );
    // The UNIQUE (stream_id, revision) index walked from its end: one row, however long the stream.
    this.streamLast = db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`)
      .safeIntegers(true)
      .raw(true);
    this.head = db.prepare('SELECT MAX(position) FROM events').safeIntegers(true).pluck(true);
    this.chainPage = new LimitedStatements(
      db,
      `SELECT stream_id, revision, position, type, ${LINK_HEAD_SQL}, hash FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      rawRows,
    );
    // Only the index is read: it holds the rowid, which is the position. Its limit changes
    // from one range to the next and it runs a few times at start-up: bound, not written in.
    this.inRange = db
      .prepare('SELECT position FROM events INDEXED BY sqlite_autoindex_events_1 WHERE stream_id >= ? AND stream_id < ? AND position > ? LIMIT ?')
      .safeIntegers(true)
      .pluck(true);
  }

  headPosition(): bigint {
    this.assertOpen();
    return (this.head.get() as bigint | null) ?? 0n;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<RecordedEvent> {
    const after = options.after ?? 0n;
    const filter = options.filter ?? {};
    if ((filter.eventTypes ?? []).length + (filter.streamPrefixes ?? []).length > 0) return this.readMatching(after, filter, options.maxCount);
    return new PagedEventIterator(
      (last, limit) => {
        this.assertOpen();
        return this.allPage.all(limit, last?.[0] ?? after) as EventRow[];
      },
      PAGE_SIZE,
      options.maxCount,
    );
  }

  /**
   * Few events of a long log (the principal streams at start-up): their positions come from
   * the (stream_id, revision) index, which holds them (position is the rowid), so the read
   * costs what it returns, not the length of the log. Events appended after the first page
   * may be missed, as with any read that is not a subscription.
   */
  private readMatching(after: bigint, filter: SubscriptionFilter, maxCount?: number): AsyncIterableIterator<RecordedEvent> {
    const { where, params } = filterClause(filter);
    const positions = this.indexedPositions(after, filter.streamPrefixes ?? []);
    if (positions === undefined) {
      const scan = new LimitedStatements(this.db, `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ?${where} ORDER BY position LIMIT ?`, rawRows);
      return new PagedEventIterator((last, limit) => {
        this.assertOpen();
        return scan.all(limit, last?.[0] ?? after, ...params) as EventRow[];
      }, PAGE_SIZE, maxCount);
    }
    const pick = this.db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?))${where} ORDER BY position`)
      .safeIntegers(true)
      .raw(true);
    let next = 0;
    return new PagedEventIterator((_last, limit) => {
      this.assertOpen();
      const rows: EventRow[] = [];
      // Types are not in the index: a chunk may keep fewer rows than it names, and a short page ends the read.
      while (rows.length < limit && next < positions.length) {
        const chunk = positions.slice(next, next + limit - rows.length);
        next += chunk.length;
        rows.push(...(pick.all(`[${chunk.join(',')}]`, ...params) as EventRow[]));
      }
      return rows;
    }, PAGE_SIZE, maxCount);
  }

  /** Sorted positions after `after` in streams with these prefixes; undefined when the index cannot serve them. */
  private indexedPositions(after: bigint, prefixes: readonly string[]): bigint[] | undefined {
    const ranges = prefixes.map(prefixRange);
    if (ranges.length === 0 || ranges.some((r) => r === undefined)) return undefined;
    this.assertOpen();
    const found = new Set<bigint>();
    for (const [low, high] of ranges as [string, string][]) {
      const rows = this.inRange.all(low, high, after, INDEXED_FILTER_LIMIT + 1 - found.size) as bigint[];
      for (const p of rows) found.add(p);
      if (found.size > INDEXED_FILTER_LIMIT) return undefined;
    }
    return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  readStream(streamId: string, fromRevision = 0n): AsyncIterableIterator<RecordedEvent> {
    const from = fromRevision < 0n ? 0n : fromRevision;
    return new PagedEventIterator((last, limit) => {
      this.assertOpen();
      return this.streamPage.all(limit, streamId, last === undefined ? from : last[2] + 1n) as EventRow[];
    }, PAGE_SIZE);
  }

  readLastEvent(streamId: string): RecordedEvent | undefined {
    this.assertOpen();
    const row = this.streamLast.get(streamId) as EventRow | undefined;
    return row === undefined ? undefined : toRecordedEvent(row);
  }

  /**
   * Walks raw rows in position order: canonical text is hashed as stored, never parsed.
   * SQLite joins data and metadata into the link's head (byte for byte, `||` on the stored text).
   */
  async verifyChains(): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    let after = 0n;
    for (;;) {
      this.assertOpen();
      const rows = this.chainPage.all(VERIFY_PAGE_SIZE, after) as ChainRow[];
      for (const r of rows) verifier.acceptHead(r[0], r[1], r[2], r[4], r[3], r[5]);
      if (rows.length < VERIFY_PAGE_SIZE) return verifier.report();
      after = rows[rows.length - 1][2];
      await yieldToLoop();
    }
  }
}
