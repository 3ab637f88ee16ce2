import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@vigie/event-store';
import { ConfigError, EVENT_STORE, loadConfig, type VigieConfig } from '@vigie/runtime';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, type CliIo } from './cli-io';
import { CliModule, type CliModuleOptions } from './cli.module';

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
 * in VIGIE_DATA_DIR is not reported as an empty, sound log; checked before any module
 * opens, so nothing (data dir, master key) is created either.
 */
export function requireEventLog(config: VigieConfig): void {
  if (config.eventStoreConnectionString) return;
  const file = path.join(config.dataDir, 'events.db');
  if (!fs.existsSync(file)) throw new UsageError(`No event log at ${file} (check VIGIE_DATA_DIR).`);
}

/** Builds the command's modules on an existing log, runs `fn`, and always closes them. */
export async function withContext<T>(
  io: CliIo,
  scope: CliModuleOptions['scope'],
  fn: (context: INestApplicationContext, config: VigieConfig) => Promise<T>,
): Promise<T> {
  const config = cliConfig(io);
  requireEventLog(config);
  const context = await NestFactory.createApplicationContext(
    CliModule.forRoot(config, { scope, ...(io.clock ? { clock: io.clock } : {}) }),
    { logger: false, abortOnError: false },
  );
  try {
    return await fn(context, config);
  } finally {
    await context.close();
  }
}

/** The event store of the configuration, for the commands that read nothing else. */
export function withStore<T>(io: CliIo, fn: (store: EventStore, config: VigieConfig) => Promise<T>): Promise<T> {
  return withContext(io, 'log', (context, config) => fn(context.get<EventStore>(EVENT_STORE), config));
}
