import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@vigie/event-store/event-store.port';
import { PgDatabase } from '@vigie/postgres';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/postgres';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import type { ProjectionLogger } from '../projection-worker';
import { PgReadStore } from '../postgres/pg-read-store';
import type { ReadModelStore } from '../read-model-store';
import { ReadStore } from '../read-store';
import { SqliteReadStore } from '../sqlite-read-store';
import type { EventCountRow } from './event-count.projection';

/** A logger that keeps what it is told, so tests can assert on failures quietly. */
export class RecordingLogger implements ProjectionLogger {
  readonly errors: string[] = [];
  readonly infos: string[] = [];
  log(message: string): void {
    this.infos.push(message);
  }
  error(message: string): void {
    this.errors.push(message);
  }
}

/** One opening of the fixture's read store: what a runner writes, and the port queries read. */
export interface ReadTarget {
  readonly runnerStore: ReadStore | PgReadStore;
  readonly readStore: ReadModelStore;
}

/** Owns every runner and read store a test opens, and closes them all in afterEach. */
export class RunnerFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'vigie-'));
  readonly path = join(this.dir, 'read.db');
  readonly logger = new RecordingLogger();
  private readonly runners: ProjectionRunner[] = [];
  private readonly readStores: ReadStore[] = [];
  private readonly ports: ReadModelStore[] = [];
  private database: Promise<TestDatabase> | undefined;
  readonly store: EventStore;

  /** Give a store, or a factory that receives the test's temporary directory. */
  constructor(
    store: EventStore | ((dir: string) => EventStore),
    readonly kind: 'sqlite' | 'postgres' = 'sqlite',
  ) {
    this.store = typeof store === 'function' ? store(this.dir) : store;
  }

  openReadStore(): ReadStore {
    const readStore = ReadStore.open({ path: this.path });
    this.readStores.push(readStore);
    return readStore;
  }

  /** Opens the fixture's read store again, like a restarted process: the file, or the test's database. */
  async target(): Promise<ReadTarget> {
    if (this.kind === 'sqlite') {
      const sqlite = this.openReadStore();
      return { runnerStore: sqlite, readStore: new SqliteReadStore(sqlite) };
    }
    this.database ??= createTestDatabase();
    const { url } = await this.database;
    const pg = await PgReadStore.open(await PgDatabase.connect({ url, max: 4 }), { ownsDatabase: true });
    this.ports.push(pg);
    return { runnerStore: pg, readStore: pg };
  }

  runner(projections: readonly Projection[], batchSize?: number, readStore: ReadStore | PgReadStore = this.openReadStore()): ProjectionRunner {
    const runner = new ProjectionRunner({ store: this.store, readStore, projections, batchSize, logger: this.logger });
    this.runners.push(runner);
    return runner;
  }

  async close(): Promise<void> {
    for (const r of this.runners) await r.stop();
    for (const s of this.readStores) s.close();
    for (const p of this.ports) await p.close();
    await this.store.close();
    if (this.database) await (await this.database).drop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Counts per type as the active version of `event_count` serves them. */
export function counts(readStore: ReadStore): Record<string, number> {
  const table = readStore.activeTable('event_count', 'counts');
  const rows = readStore.all<EventCountRow>(`SELECT type, n, total FROM ${table} ORDER BY type`);
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

export function seenCount(readStore: ReadStore): number {
  const table = readStore.activeTable('event_count', 'seen');
  return readStore.get<{ c: number }>(`SELECT count(*) AS c FROM ${table}`)?.c ?? 0;
}

/** The same reads through the port, on either store. */
export async function countsIn(readStore: ReadModelStore): Promise<Record<string, number>> {
  const table = await readStore.activeTable('event_count', 'counts');
  const rows = await readStore.all<EventCountRow>(`SELECT type, n, total FROM ${table} ORDER BY type`);
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

export async function seenCountIn(readStore: ReadModelStore): Promise<number> {
  const table = await readStore.activeTable('event_count', 'seen');
  return Number((await readStore.get<{ c: number }>(`SELECT count(*) AS c FROM ${table}`))?.c ?? 0);
}
