import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteEventStore, type EventStore } from '@vigie/event-store';
import { EventStoreDbEventStore } from '@vigie/event-store/eventstoredb';
import { ConfigError, loadConfig, type VigieConfig } from '@vigie/runtime';
import { UsageError, type CliIo } from './cli-io';

/** The API's configuration, from the same environment; a bad variable is bad input (exit 2). */
export function cliConfig(io: CliIo): VigieConfig {
  try {
    return loadConfig(io.env, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The log itself, without the API: a second SQLite connection is safe while the API
 * writes (WAL, busy timeout). A missing file is refused rather than created, so a typo
 * in VIGIE_DATA_DIR is not reported as an empty, sound log.
 */
export function openEventStore(config: VigieConfig): EventStore {
  if (config.eventStoreConnectionString) return EventStoreDbEventStore.connect(config.eventStoreConnectionString);
  const file = path.join(config.dataDir, 'events.db');
  if (!fs.existsSync(file)) throw new UsageError(`No event log at ${file} (check VIGIE_DATA_DIR).`);
  return SqliteEventStore.open({ path: file });
}

/** Opens the store, runs `fn`, and always closes it. */
export async function withStore<T>(io: CliIo, fn: (store: EventStore, config: VigieConfig) => Promise<T>): Promise<T> {
  const config = cliConfig(io);
  const store = openEventStore(config);
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}
