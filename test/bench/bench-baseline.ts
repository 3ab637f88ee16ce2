import Database from 'better-sqlite3';
import { canonicalJson, chainHashFromCanonical, GENESIS_HASH } from '../../libs/event-store/src';
import { SQLITE_PAGE_SIZE } from '../../libs/event-store/src/sqlite/sqlite-schema';
import { EVENTS_TABLE_DDL } from '../../libs/event-store/src/sqlite/sqlite-tables';
import type { BenchEventFactory } from './bench-events';
import { elapsedSeconds, now } from './bench-timer';

export interface BaselineResult {
  readonly commits: number;
  readonly perSecond: number;
}

/**
 * The reference for durable single appends: raw better-sqlite3, WAL, synchronous=FULL,
 * one row per transaction (one fsync each) into a table with the events table's own
 * schema, indexes and page size, sequentially. Rows are prepared before the clock starts.
 */
export function runBaseline(file: string, events: BenchEventFactory, maxCommits: number, maxSeconds: number): BaselineResult {
  const db = new Database(file);
  try {
    db.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(EVENTS_TABLE_DDL);
    const rows = Array.from({ length: maxCommits }, (_, i) => {
      const e = events.next(`request-baseline-${i}`);
      const [data, metadata] = [canonicalJson(e.data), canonicalJson(e.metadata)];
      return [`request-baseline-${i}`, 0, e.eventId, e.type, data, metadata, chainHashFromCanonical(GENESIS_HASH, e.type, data, metadata)];
    });
    const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const start = now();
    let commits = 0;
    while (commits < maxCommits && (commits % 50 !== 0 || elapsedSeconds(start) < maxSeconds)) {
      insert.run(rows[commits]); // autocommit: one transaction per row
      commits++;
    }
    return { commits, perSecond: commits / elapsedSeconds(start) };
  } finally {
    db.close();
  }
}
