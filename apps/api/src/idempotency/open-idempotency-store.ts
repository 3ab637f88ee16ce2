import type { PgDatabase } from '@vigie/postgres';
import * as path from 'node:path';
import type { IdempotencyStore } from './idempotency.store';
import { PgIdempotencyStore } from './pg-idempotency.store';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

export interface OpenIdempotencyStoreOptions {
  readonly dataDir: string;
  /** The shared database (VIGIE_DATABASE_URL): when given, every replica sees every key. */
  readonly database?: PgDatabase;
}

/** PostgreSQL when the processes share a database, else today's file in the data dir. */
export async function openIdempotencyStore({ dataDir, database }: OpenIdempotencyStoreOptions): Promise<IdempotencyStore> {
  if (database) return PgIdempotencyStore.open(database);
  return new SqliteIdempotencyStore(path.join(dataDir, 'idempotency.db'));
}
