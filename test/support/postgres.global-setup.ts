import { startEmbeddedPostgres, type StartedPostgres } from './embedded-postgres';

/**
 * Starts one real PostgreSQL server for the whole jest run; each suite then makes its own
 * database with createTestDatabase. VIGIE_TEST_POSTGRES_URL, when set, names an existing
 * server to use instead (its user must be allowed to create databases).
 */
export default async function startPostgres(): Promise<void> {
  if (process.env.VIGIE_TEST_POSTGRES_URL) return;
  const started = await startEmbeddedPostgres({ password: 'vigie-test' });
  process.env.VIGIE_TEST_POSTGRES_URL = started.url;
  (globalThis as { vigiePostgres?: StartedPostgres }).vigiePostgres = started;
}
