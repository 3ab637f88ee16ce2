import { PgDatabase } from '@vigie/postgres';
import * as path from 'node:path';
import type { IdempotencyStore } from './idempotency.store';
import { PgIdempotencyStore } from './pg-idempotency.store';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

export interface OpenIdempotencyStoreOptions {
  readonly dataDir: string;
  /** The shared database (VIGIE_DATABASE_URL): when given, every replica sees every key. */
  readonly database?: PgDatabase;
  /** Without a shared pool, the store opens (and closes) a pool of its own to this URL. */
  readonly databaseUrl?: string;
}

/** PostgreSQL when the processes share a database, else today's file in the data dir. */
export async function openIdempotencyStore({ dataDir, database, databaseUrl }: OpenIdempotencyStoreOptions): Promise<IdempotencyStore> {
  if (database) return PgIdempotencyStore.open(database);
  if (databaseUrl) {
    const own = await PgDatabase.connect({ url: databaseUrl, applicationName: 'vigie-api-idempotency' });
    try {
      return await PgIdempotencyStore.open(own, { ownsDatabase: true });
    } catch (error) {
      await own.close();
      throw error;
    }
  }
  return new SqliteIdempotencyStore(path.join(dataDir, 'idempotency.db'));
}
