import * as path from 'node:path';
import { PgReadStore, ReadStore, SqliteReadStore, type ReadModelStore } from '@vigie/projections';
import { PgDatabase } from '@vigie/postgres';
import type { VigieConfig } from '../config/vigie-config';

/** The read models of this process: the port queries read, and the store a runner writes. */
export interface ReadModels {
  readonly readStore: ReadModelStore;
  readonly runnerStore: ReadStore | PgReadStore;
  /** Closes the store, and the database pool when it was opened here. */
  close(): Promise<void>;
}

/**
 * `read.db` in the data dir by default; with VIGIE_DATABASE_URL, the shared PostgreSQL,
 * so that every api replica reads what the worker commits (and its checkpoints).
 */
export async function openReadModels(config: VigieConfig, shared?: PgDatabase): Promise<ReadModels> {
  if (!config.databaseUrl) {
    const sqlite = ReadStore.open({ path: path.join(config.dataDir, 'read.db') });
    const readStore = new SqliteReadStore(sqlite);
    return { readStore, runnerStore: sqlite, close: () => readStore.close() };
  }
  const db = shared ?? (await PgDatabase.connect({ url: config.databaseUrl, applicationName: 'vigie-read-models' }));
  try {
    const pg = await PgReadStore.open(db, { ownsDatabase: !shared });
    return { readStore: pg, runnerStore: pg, close: () => pg.close() };
  } catch (error) {
    if (!shared) await db.close();
    throw error;
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every projection's served checkpoint reaches `position`, reading the
 * checkpoints some other process commits. A store that cannot answer is a slow read
 * model: the wait ends at the deadline, never in an error.
 */
export async function awaitCheckpoints(readStore: ReadModelStore, position: bigint, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const rows = await readStore.checkpoints().catch(() => []);
    if (rows.length > 0 && rows.every((r) => r.activeCheckpoint >= position)) return;
    await pause(20);
  }
}

/** head - served checkpoint, per projection, from the stored checkpoints. */
export async function lagFromCheckpoints(readStore: ReadModelStore, head: bigint): Promise<Record<string, bigint>> {
  const rows = await readStore.checkpoints();
  return Object.fromEntries(rows.map((r) => [r.name, head > r.activeCheckpoint ? head - r.activeCheckpoint : 0n]));
}
