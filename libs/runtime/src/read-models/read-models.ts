import * as path from 'node:path';
import { PgReadStore, ReadStore, SqliteReadStore, type ReadModelStore } from '@vigie/projections';
import { PgDatabase } from '@vigie/postgres';
import type { EventStore } from '@vigie/event-store';
import type { VigieConfig } from '../config/vigie-config';
import { checkLogIdentity, type IdentityRecord } from './log-identity';

/** The read models of this process: the port queries read, and the store a runner writes. */
export interface ReadModels {
  readonly readStore: ReadModelStore;
  readonly runnerStore: ReadStore | PgReadStore;
  /**
   * Records which log the read models are built from, once that log has a first event (at
   * start-up, and again before a clean shutdown, when a log empty at start-up got its first).
   */
  recordLogIdentity(): Promise<void>;
  /** Closes the store, and the database pool when it was opened here. */
  close(): Promise<void>;
}

/**
 * `read.db` in the data dir by default; with VIGIE_DATABASE_URL, the shared PostgreSQL,
 * so that every api replica reads what the worker commits (and its checkpoints).
 */
export async function openReadModels(config: VigieConfig, shared?: PgDatabase, log?: EventStore): Promise<ReadModels> {
  if (!config.databaseUrl) {
    const sqlite = ReadStore.open({ path: path.join(config.dataDir, 'read.db') });
    const readStore = new SqliteReadStore(sqlite);
    const identity = sqliteIdentity(sqlite);
    const recordLogIdentity = (): Promise<void> =>
      log ? checkLogIdentity(identity, log, 'VIGIE_DATA_DIR', `the read models in ${path.join(config.dataDir, 'read.db')}`) : Promise.resolve();
    try {
      await recordLogIdentity();
    } catch (error) {
      await readStore.close();
      throw error;
    }
    return { readStore, runnerStore: sqlite, recordLogIdentity, close: () => readStore.close() };
  }
  const db = shared ?? (await PgDatabase.connect({ url: config.databaseUrl, applicationName: 'vigie-read-models' }));
  try {
    const pg = await PgReadStore.open(db, { ownsDatabase: !shared });
    let recordLogIdentity: () => Promise<void>;
    try {
      const identity = await pgIdentity(db);
      recordLogIdentity = () =>
        log ? checkLogIdentity(identity, log, 'VIGIE_DATABASE_URL', 'the read models in the shared database') : Promise.resolve();
      await recordLogIdentity();
    } catch (error) {
      await pg.close();
      throw error;
    }
    return { readStore: pg, runnerStore: pg, recordLogIdentity, close: () => pg.close() };
  } catch (error) {
    if (!shared) await db.close();
    throw error;
  }
}

const IDENTITY_DDL = 'CREATE TABLE IF NOT EXISTS read_store_identity (name TEXT PRIMARY KEY, value TEXT NOT NULL)';

function sqliteIdentity(sqlite: ReadStore): IdentityRecord {
  sqlite.db.exec(IDENTITY_DDL);
  return {
    read: async () => sqlite.get<{ value: string }>("SELECT value FROM read_store_identity WHERE name = 'log'")?.value,
    write: async (identity) => {
      sqlite.db.prepare("INSERT INTO read_store_identity (name, value) VALUES ('log', ?) ON CONFLICT (name) DO NOTHING").run(identity);
    },
  };
}

async function pgIdentity(db: PgDatabase): Promise<IdentityRecord> {
  await db.migrate('read-store-identity', [{ version: 1, description: 'the log the read models were built from', sql: IDENTITY_DDL }]);
  return {
    read: async () => (await db.one<{ value: string }>("SELECT value FROM read_store_identity WHERE name = 'log'"))?.value,
    write: async (identity) => {
      await db.query("INSERT INTO read_store_identity (name, value) VALUES ('log', $1) ON CONFLICT (name) DO NOTHING", [identity]);
    },
  };
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
