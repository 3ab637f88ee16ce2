import Database from 'better-sqlite3';
import { migrateSqliteSchema } from './sqlite-migrations';
import { EVENTS_TABLE_DDL, META_DDL } from './sqlite-tables';

/** Bump with a migration (sqlite-migrations.ts) when the table layout changes; stored in `meta`. */
export const SQLITE_SCHEMA_VERSION = 2;

/**
 * Events are ~1 KiB rows: 8 KiB pages waste less room than 4 KiB ones (three rows of
 * 1.1 KiB leave a quarter of a page empty) and readAll reads fewer pages. Only a new file
 * takes it; an older file keeps its page size.
 */
export const SQLITE_PAGE_SIZE = 8192;

/**
 * Opens the log file with the pragmas the port's guarantees rest on:
 * WAL so readers never block the writer, synchronous=FULL so an acknowledged append
 * survives a power cut, a busy timeout so a write waits while another process (worker,
 * API replica, CLI) holds the lock.
 */
export function openSqliteDatabase(path: string, busyTimeoutMs: number): Database.Database {
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Batches write many pages per commit: checkpoint in larger passes (~40 MiB), keep hot pages cached.
    db.pragma('wal_autocheckpoint = 5000');
    db.pragma('journal_size_limit = 67108864');
    db.pragma('cache_size = -65536');
    db.transaction(() => {
      db.exec(META_DDL);
      const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema_version') as { value: string } | undefined;
      const found = row === undefined ? undefined : Number(row.value);
      if (found !== undefined && found > SQLITE_SCHEMA_VERSION) {
        throw new Error(`Event log schema ${found} is newer than this build (${SQLITE_SCHEMA_VERSION})`);
      }
      if (found === SQLITE_SCHEMA_VERSION) return;
      if (found !== undefined) migrateSqliteSchema(db, found);
      db.exec(EVENTS_TABLE_DDL);
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SQLITE_SCHEMA_VERSION));
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
