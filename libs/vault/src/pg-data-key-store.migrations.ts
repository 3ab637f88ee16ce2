import type { PgMigration } from '@vigie/postgres';

/**
 * The vault's tables in the shared database, apart from everything else: deleting one
 * row of `vault_data_keys` shreds a dataset for every replica, backups of the event log
 * included (Article L2321-3 al. 2). `vault_destroyed_keys` keeps only the id, so a read
 * can tell "purged" from "never existed".
 */
export const VAULT_PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    description: 'data keys, tombstones and the master-key check value',
    sql: `
      CREATE TABLE vault_data_keys (
        key_id      TEXT PRIMARY KEY,
        dataset_id  TEXT NOT NULL,
        wrapped_key BYTEA NOT NULL,
        created_at  TIMESTAMPTZ
      );
      CREATE TABLE vault_destroyed_keys (
        key_id TEXT PRIMARY KEY
      );
      CREATE TABLE vault_meta (
        name  TEXT PRIMARY KEY,
        value BYTEA NOT NULL
      );`,
  },
];
