import { join } from 'node:path';
import { SqliteEventStore } from '@vigie/event-store/sqlite/sqlite-event-store';
import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import { PgDatabase } from '@vigie/postgres';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/postgres';
import type { Projection, ProjectionTx } from '../projection';
import type { ProjectionRunner } from '../projection-runner';
import { PgReadStore } from '../postgres/pg-read-store';
import type { ReadModelStore } from '../read-model-store';
import { ReadStore } from '../read-store';
import { SqliteReadStore } from '../sqlite-read-store';
import { STORE_KINDS, type StoreKind } from '../testing/read-model-stores';
import { RunnerFixture } from '../testing/runner-fixture';
import { OVERSIGHT_SCENARIO, R } from './oversight/oversight.scenario';
import { oversightProjection } from './oversight/oversight.projection';
import { oversightReport } from './oversight/oversight.queries';
import { appendEvents } from './read-model.fixtures';
import { registerProjection } from './register/register.projection';
import { RegisterQueries } from './register/register.queries';

const NOW = '2026-03-10T00:00:00Z';

/** Everything the two read models answer, as one comparable value. */
async function answers(readStore: ReadModelStore): Promise<unknown> {
  const register = new RegisterQueries(readStore);
  return {
    requests: await Promise.all(Object.values(R).map((id) => register.findRequest(id))),
    list: await register.listRequests({}),
    notices: await register.listNotices(),
    whole: await oversightReport(readStore, { now: NOW }),
    period: await oversightReport(readStore, { from: '2026-03-02T00:00:00Z', to: '2026-03-05T00:00:00Z', now: NOW }),
  };
}

/**
 * The real fold plus a ledger whose primary key refuses a second application of any
 * event, and a fault that throws once when it meets a given event.
 */
function audited(projection: Projection, fault: { failOn?: string }): Projection {
  return {
    ...projection,
    tables: [...(projection.tables ?? []), { name: 'ledger', columns: ['event_id TEXT PRIMARY KEY'] }],
    apply(event: RecordedEvent, tx: ProjectionTx): void {
      if (fault.failOn === event.eventId) {
        fault.failOn = undefined;
        throw new Error('simulated crash');
      }
      projection.apply(event, tx);
      tx.run(`INSERT INTO ${tx.table('ledger')} VALUES (?)`, [event.eventId]);
    },
  };
}

async function untilStatus(runner: ProjectionRunner, done: (s: ReturnType<ProjectionRunner['status']>) => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(runner.status()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done(runner.status())).toBe(true);
}

/** One read-store location a test reopens like a restarted process would: a file, or a database. */
interface Location {
  open(): Promise<{ runnerStore: ReadStore | PgReadStore; readStore: ReadModelStore }>;
  tables(prefix: string): Promise<string[]>;
  drop(): Promise<void>;
}

async function location(kind: StoreKind, path: string): Promise<Location> {
  if (kind === 'sqlite') {
    return {
      open: async () => {
        const sqlite = ReadStore.open({ path });
        return { runnerStore: sqlite, readStore: new SqliteReadStore(sqlite) };
      },
      tables: async (prefix) => {
        const sqlite = ReadStore.open({ path });
        const names = sqlite.tablesWithPrefix(prefix);
        sqlite.close();
        return names;
      },
      drop: async () => undefined,
    };
  }
  const database: TestDatabase = await createTestDatabase();
  return {
    open: async () => {
      const pg = await PgReadStore.open(await PgDatabase.connect({ url: database.url, max: 4 }), { ownsDatabase: true });
      return { runnerStore: pg, readStore: pg };
    },
    tables: async (prefix) => {
      const db = await PgDatabase.connect({ url: database.url, max: 1 });
      const rows = await db.query<{ name: string }>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND substr(table_name, 1, $1) = $2',
        [prefix.length, prefix],
      );
      await db.close();
      return rows.map((r) => r.name);
    },
    drop: () => database.drop(),
  };
}

describe.each(STORE_KINDS)('read models on %s across crashes and rebuilds', (kind) => {
  let fx: RunnerFixture;
  let target: Location;
  const opened: ReadModelStore[] = [];
  beforeEach(async () => {
    fx = new RunnerFixture((dir) => SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 20 }));
    target = await location(kind, join(fx.dir, 'target-read.db'));
  });
  afterEach(async () => {
    await fx.close();
    for (const store of opened.splice(0)) await store.close();
    await target.drop();
  });

  const open = async (): Promise<{ runnerStore: ReadStore | PgReadStore; readStore: ReadModelStore }> => {
    const store = await target.open();
    opened.push(store.readStore);
    return store;
  };

  /** The answers of a fresh rebuild on SQLite: what every store must answer. */
  async function reference(): Promise<unknown> {
    const sqlite = ReadStore.open({ path: join(fx.dir, 'reference-read.db') });
    const runner = fx.runner([registerProjection, oversightProjection], 500, sqlite);
    await runner.start();
    await runner.waitFor(await fx.store.headPosition());
    const result = await answers(new SqliteReadStore(sqlite));
    await runner.stop();
    sqlite.close();
    return result;
  }

  it('a crash between two events applies nothing twice and loses nothing on restart', async () => {
    const head = await appendEvents(fx.store, OVERSIGHT_SCENARIO);
    const expected = await reference();

    const crashAt = OVERSIGHT_SCENARIO[11].event.eventId;
    const register = { failOn: crashAt };
    const oversight = { failOn: crashAt };
    const first = await open();
    const crashed = fx.runner([audited(registerProjection, register), audited(oversightProjection, oversight)], 4, first.runnerStore);
    await crashed.start();
    await untilStatus(crashed, (s) => s.every((p) => p.phase === 'failed'));
    // The batch holding the faulty event rolled back whole: its checkpoint stays before it.
    const crashPosition = BigInt(12);
    for (const s of crashed.status()) expect(s.checkpoint).toBeLessThan(crashPosition);
    for (const s of crashed.status()) expect(s.checkpoint).toBeGreaterThan(0n);
    await crashed.stop();
    await first.readStore.close();

    const second = await open();
    const restarted = fx.runner([audited(registerProjection, register), audited(oversightProjection, oversight)], 4, second.runnerStore);
    await restarted.start();
    await restarted.waitFor(head);
    for (const name of ['register', 'oversight']) {
      const ledger = await second.readStore.get<{ n: number; d: number }>(
        `SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM ${await second.readStore.activeTable(name, 'ledger')}`,
      );
      const handled = OVERSIGHT_SCENARIO.filter((e) => (name === 'register' ? registerProjection : oversightProjection).handles.includes(e.event.type)).length;
      expect(ledger).toEqual({ n: handled, d: handled });
    }
    expect(await answers(second.readStore)).toEqual(expected);
    await restarted.stop();
  });

  it('a version bump rebuilds from zero into results identical to the live projection', async () => {
    const half = OVERSIGHT_SCENARIO.length / 2;
    await appendEvents(fx.store, OVERSIGHT_SCENARIO.slice(0, half));
    const { runnerStore, readStore } = await open();
    const live = fx.runner([registerProjection, oversightProjection], 3, runnerStore);
    await live.start();
    // The rest arrives while the projection follows the log live.
    const head = await appendEvents(fx.store, OVERSIGHT_SCENARIO.slice(half));
    await live.waitFor(head);
    const liveAnswers = await answers(readStore);
    expect(liveAnswers).toEqual(await reference());
    await live.stop();

    const rebuilt = fx.runner([{ ...registerProjection, version: 2 }, { ...oversightProjection, version: 2 }], 3, runnerStore);
    await rebuilt.start();
    await untilStatus(rebuilt, (s) => s.every((p) => p.activeVersion === 2 && p.phase === 'running'));
    await rebuilt.waitFor(head);
    expect(await readStore.activeTable('oversight', 'requests')).toBe('oversight_v2__requests');
    expect(await target.tables('oversight_v1__')).toEqual([]);
    expect(await answers(readStore)).toEqual(liveAnswers);
  });
});
