import type Database from 'better-sqlite3';
import { EVENTS_TABLE_DDL } from './sqlite-tables';

/**
 * Brings a log file written by an older build up to the current layout, inside the
 * opening transaction (a failure leaves the file as it was).
 */
export function migrateSqliteSchema(db: Database.Database, from: number): void {
  if (from < 2) dropEventIdIndex(db);
}

/**
 * Version 1 declared `event_id UNIQUE`. SQLite cannot drop a constraint's index, so the
 * table is rebuilt; positions are copied as they are and the AUTOINCREMENT counter is
 * carried over, so no position is ever handed out twice.
 */
function dropEventIdIndex(db: Database.Database): void {
  const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck().safeIntegers(true).get() as
    | bigint
    | undefined;
  db.exec('ALTER TABLE events RENAME TO events_v1');
  db.exec(EVENTS_TABLE_DDL);
  db.exec(
    `INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, hash)
     SELECT position, stream_id, revision, event_id, type, data, metadata, hash FROM events_v1 ORDER BY position`,
  );
  db.exec('DROP TABLE events_v1');
  if (sequence !== undefined) {
    db.prepare("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'events'").safeIntegers(true).run(sequence);
  }
}
