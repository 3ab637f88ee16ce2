import Database from 'better-sqlite3';

/** Bump with a migration when the table layout changes; stored in `meta`. */
export const SQLITE_SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  hash      TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
`;

/**
 * Opens the log file with the pragmas the port's guarantees rest on:
 * WAL so readers never block the writer, synchronous=FULL so an acknowledged append
 * survives a power cut, a busy timeout so a CLI writing at the same time waits its turn.
 */
export function openSqliteDatabase(path: string, busyTimeoutMs: number): Database.Database {
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Random event ids scatter index writes: checkpoint less often (each pass rewrites the
    // same hot pages once, not once per 1000 pages) and keep the index in cache.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('journal_size_limit = 67108864');
    db.pragma('cache_size = -65536');
    db.transaction(() => {
      db.exec(SCHEMA);
      const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema_version') as { value: string } | undefined;
      if (row === undefined) {
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SQLITE_SCHEMA_VERSION));
      } else if (Number(row.value) > SQLITE_SCHEMA_VERSION) {
        throw new Error(`Event log schema ${row.value} is newer than this build (${SQLITE_SCHEMA_VERSION})`);
      }
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
