import { PgDatabase } from '@vigie/postgres';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/postgres';
import type { EventStore } from '@vigie/event-store/event-store.port';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { PgReadStore } from '../postgres/pg-read-store';
import type { ReadModelStore } from '../read-model-store';
import { ReadStore } from '../read-store';
import { SqliteReadStore } from '../sqlite-read-store';
import { RecordingLogger } from './runner-fixture';

export type StoreKind = 'sqlite' | 'postgres';

/** Every read-model spec runs on both: the same folds and queries must answer the same. */
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** A read store of either kind with its runners, closed (and its database dropped) by close(). */
export class ReadModelStores {
  readonly logger = new RecordingLogger();
  private readonly runners: ProjectionRunner[] = [];

  private constructor(
    readonly kind: StoreKind,
    readonly readStore: ReadModelStore,
    private readonly runnerStore: ReadStore | PgReadStore,
    private readonly database: TestDatabase | undefined,
  ) {}

  /** SQLite in memory, or a fresh PostgreSQL database of the test server. */
  static async open(kind: StoreKind): Promise<ReadModelStores> {
    if (kind === 'sqlite') {
      const sqlite = ReadStore.open({ path: ':memory:' });
      return new ReadModelStores(kind, new SqliteReadStore(sqlite), sqlite, undefined);
    }
    const database = await createTestDatabase();
    const db = await PgDatabase.connect({ url: database.url, max: 4 });
    const pg = await PgReadStore.open(db, { ownsDatabase: true });
    return new ReadModelStores(kind, pg, pg, database);
  }

  /** A started runner of these projections over `store`. */
  async runner(store: EventStore, projections: readonly Projection[]): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner({ store, readStore: this.runnerStore, projections, logger: this.logger });
    this.runners.push(runner);
    await runner.start();
    return runner;
  }

  async close(): Promise<void> {
    for (const runner of this.runners) await runner.stop();
    await this.readStore.close();
    await this.database?.drop();
  }
}
