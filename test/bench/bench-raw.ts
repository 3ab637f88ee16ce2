import Database from 'better-sqlite3';
import { canonicalJson, chainHashFromCanonical } from '../../libs/event-store/src';
import { SQLITE_PAGE_SIZE } from '../../libs/event-store/src/sqlite/sqlite-schema';
import { EVENTS_TABLE_DDL } from '../../libs/event-store/src/sqlite/sqlite-tables';
import { evictFromPageCache } from './bench-cache';
import type { BenchEventFactory } from './bench-events';
import { elapsedSeconds, now } from './bench-timer';

/**
 * The baselines the store's figures are divided by: what better-sqlite3 does on the same
 * file layout with none of the store's work (no JSON decoding, no hashing, no stream
 * checks). A ratio to them stays meaningful on a loaded or a different machine.
 */

export interface RawResult {
  readonly events: number;
  readonly perSecond: number;
}

/**
 * What the scan does with each row beyond fetching it: nothing (the baseline), or the
 * least a decoding read or a verification must add, with none of the store's code around
 * it: `parse` parses data and metadata (JSON.parse, as a decoded read does); `hash`
 * computes each row's link hash from its own columns (one SHA-256, as verifying does).
 * Their ratios to the plain scan show what that work alone costs next to reading: readAll
 * cannot be much above `parse`'s, though it reads in pages (`.all()`) where this iterates
 * row by row, and verifyChains selects fewer columns than `SELECT *`.
 */
export type RawRowWork = 'none' | 'parse' | 'hash';

/**
 * Every row of the events table, all columns, as arrays (`.raw()`): the least a reader of
 * the log can do. `cold`: the file is dropped from the page cache first.
 */
export function runRawScan(file: string, options: { readonly cold?: boolean; readonly work?: RawRowWork } = {}): RawResult {
  if (options.cold) evictFromPageCache(file);
  const db = new Database(file, { readonly: true });
  try {
    db.pragma('cache_size = -65536');
    const rows = db.prepare('SELECT * FROM events ORDER BY position').raw();
    const work = rowWork(options.work ?? 'none');
    let count = 0;
    const start = now();
    for (const row of rows.iterate() as IterableIterator<unknown[]>) if (work(row)) count++;
    return { events: count, perSecond: count / elapsedSeconds(start) };
  } finally {
    db.close();
  }
}

/** Columns of `SELECT *`: position, stream_id, revision, event_id, type, data, metadata, hash. */
function rowWork(work: RawRowWork): (row: unknown[]) => boolean {
  switch (work) {
    case 'none':
      return (row) => row.length > 0;
    case 'parse':
      return (row) => JSON.parse(row[5] as string) !== JSON.parse(row[6] as string);
    case 'hash':
      return (row) => chainHashFromCanonical(row[7] as string, row[4] as string, row[5] as string, row[6] as string) !== '';
  }
}

/** A hash-shaped value: the baseline writes as many bytes as the store but computes nothing. */
const FIXED_HASH = 'f'.repeat(64);

/**
 * The raw counterpart of runBatchAppends: the same events (serialised before the clock
 * starts, per commit), one multi-row INSERT of `batchSize` rows per transaction, into a
 * table with the store's schema, indexes and page size, WAL, synchronous=FULL, round robin
 * over `streams` streams, until `maxEvents` or `seconds`. Only the commits are timed.
 */
export function runRawInsert(
  file: string,
  events: BenchEventFactory,
  options: { readonly streams: number; readonly batchSize: number; readonly maxEvents: number; readonly seconds: number },
): RawResult {
  const db = new Database(file);
  try {
    db.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('wal_autocheckpoint = 5000');
    db.pragma('cache_size = -65536');
    db.exec(EVENTS_TABLE_DDL);
    const columns = '(stream_id, revision, event_id, type, data, metadata, hash)';
    const insert = db.prepare(`INSERT INTO events ${columns} VALUES ${Array.from({ length: options.batchSize }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
    const commit = db.transaction((params: unknown[]) => insert.run(params));
    const revisions = new Array<number>(options.streams).fill(0);
    let total = 0;
    let timed = 0;
    const wall = now();
    for (let i = 0; total < options.maxEvents && elapsedSeconds(wall) < options.seconds; i++) {
      const s = i % options.streams;
      const stream = `request-raw-${s}`;
      const params: unknown[] = [];
      for (const e of events.batch(stream, options.batchSize)) {
        params.push(stream, revisions[s]++, e.eventId, e.type, canonicalJson(e.data), canonicalJson(e.metadata), FIXED_HASH);
      }
      const start = now();
      commit.immediate(params);
      timed += now() - start;
      total += options.batchSize;
    }
    return { events: total, perSecond: total / (timed / 1000) };
  } finally {
    db.close();
  }
}
