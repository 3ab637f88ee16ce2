import type { PgDatabase } from '@vigie/postgres';
import { join } from 'node:path';
import type { DataKeyStore } from './data-key-store';
import { PgDataKeyStore } from './pg-data-key-store';
import { SqliteDataKeyStore } from './sqlite-data-key-store';

export const VAULT_FILE = 'vault.db';

export interface DataKeyStoreChoice {
  /** Where `vault.db` lives when no shared database is configured. */
  readonly dataDir: string;
  /** The shared database (VIGIE_DATABASE_URL): several replicas must see the same keys. */
  readonly database?: PgDatabase;
}

/**
 * PostgreSQL when the process shares its state with other hosts, else the private
 * SQLite file of a single host, so `npm start` needs nothing but a data dir.
 */
export const openDataKeyStore = async ({ dataDir, database }: DataKeyStoreChoice): Promise<DataKeyStore> =>
  database ? PgDataKeyStore.open(database) : SqliteDataKeyStore.open({ path: join(dataDir, VAULT_FILE) });
