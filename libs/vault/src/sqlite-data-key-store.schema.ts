import type { Database } from 'better-sqlite3';

/**
 * Data keys live outside the event log so that deleting one row shreds a dataset
 * everywhere, backups of the log included (Article L2321-3: limited retention).
 * `destroyed_keys` keeps only the id, so `open` can tell "purged" from "never existed".
 */
const DDL = `
CREATE TABLE IF NOT EXISTS data_keys (
  key_id      TEXT PRIMARY KEY,
  dataset_id  TEXT NOT NULL,
  wrapped_key BLOB NOT NULL,
  created_at  TEXT
);
CREATE TABLE IF NOT EXISTS destroyed_keys (
  key_id TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS vault_meta (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
`;

/**
 * secure_delete makes SQLite overwrite deleted cells and freed pages with zeros, so a
 * destroyed key does not survive in free space; WAL + synchronous=FULL makes a sealed
 * key durable before the event that needs it is appended.
 */
export const prepareSqliteDataKeyDb = (db: Database): void => {
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(DDL);
};
