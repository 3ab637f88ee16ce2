import type { StartedPostgres } from './embedded-postgres';

/** Stops the server the global setup started and removes its files. */
export default async function stopPostgres(): Promise<void> {
  await (globalThis as { vigiePostgres?: StartedPostgres }).vigiePostgres?.stop();
}
