import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from '../projection';
import type { ProjectionRunner } from '../projection-runner';
import { join } from 'node:path';
import { ReadStore } from '../read-store';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { RunnerFixture } from '../testing/runner-fixture';
import { OVERSIGHT_SCENARIO, R } from './oversight/oversight.scenario';
import { oversightProjection } from './oversight/oversight.projection';
import { oversightReport } from './oversight/oversight.queries';
import { appendEvents } from './read-model.fixtures';
import { registerProjection } from './register/register.projection';
import { RegisterQueries } from './register/register.queries';

const NOW = '2026-03-10T00:00:00Z';

/** Everything the two read models answer, as one comparable value. */
function answers(readStore: ReadStore): unknown {
  const register = new RegisterQueries(readStore);
  return {
    requests: Object.values(R).map((id) => register.findRequest(id)),
    list: register.listRequests({}),
    notices: register.listNotices(),
    whole: oversightReport(readStore, { now: NOW }),
    period: oversightReport(readStore, { from: '2026-03-02T00:00:00Z', to: '2026-03-05T00:00:00Z', now: NOW }),
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

describe('read models across crashes and rebuilds', () => {
  let fx: RunnerFixture;
  beforeEach(() => (fx = new RunnerFixture(new InMemoryEventStore())));
  afterEach(() => fx.close());

  async function reference(): Promise<unknown> {
    const readStore = fx.openReadStore();
    const runner = fx.runner([registerProjection, oversightProjection], 500, readStore);
    await runner.start();
    await runner.waitFor(await fx.store.headPosition());
    const result = answers(readStore);
    await runner.stop();
    readStore.close();
    return result;
  }

  it('a crash between two events applies nothing twice and loses nothing on restart', async () => {
    const head = await appendEvents(fx.store, OVERSIGHT_SCENARIO);
    const expected = await reference();

    const crashAt = OVERSIGHT_SCENARIO[11].event.eventId;
    const register = { failOn: crashAt };
    const oversight = { failOn: crashAt };
    const crashPath = join(fx.dir, 'crash-read.db');
    const first = ReadStore.open({ path: crashPath });
    const crashed = fx.runner([audited(registerProjection, register), audited(oversightProjection, oversight)], 4, first);
    await crashed.start();
    await untilStatus(crashed, (s) => s.every((p) => p.phase === 'failed'));
    // The batch holding the faulty event rolled back whole: its checkpoint stays before it.
    const crashPosition = BigInt(12);
    for (const s of crashed.status()) expect(s.checkpoint).toBeLessThan(crashPosition);
    await crashed.stop();
    first.close();

    const second = ReadStore.open({ path: crashPath });
    const restarted = fx.runner([audited(registerProjection, register), audited(oversightProjection, oversight)], 4, second);
    await restarted.start();
    await restarted.waitFor(head);
    for (const name of ['register', 'oversight']) {
      const ledger = second.all<{ n: number; d: number }>(`SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM ${second.activeTable(name, 'ledger')}`)[0];
      const handled = OVERSIGHT_SCENARIO.filter((e) => (name === 'register' ? registerProjection : oversightProjection).handles.includes(e.event.type)).length;
      expect(ledger).toEqual({ n: handled, d: handled });
    }
    expect(answers(second)).toEqual(expected);
    await restarted.stop();
    second.close();
  });

  it('a version bump rebuilds from zero into results identical to the live projection', async () => {
    const half = OVERSIGHT_SCENARIO.length / 2;
    await appendEvents(fx.store, OVERSIGHT_SCENARIO.slice(0, half));
    const readStore = fx.openReadStore();
    const live = fx.runner([registerProjection, oversightProjection], 3, readStore);
    await live.start();
    // The rest arrives while the projection follows the log live.
    const head = await appendEvents(fx.store, OVERSIGHT_SCENARIO.slice(half));
    await live.waitFor(head);
    const liveAnswers = answers(readStore);
    await live.stop();

    const rebuilt = fx.runner([{ ...registerProjection, version: 2 }, { ...oversightProjection, version: 2 }], 3, readStore);
    await rebuilt.start();
    await untilStatus(rebuilt, (s) => s.every((p) => p.activeVersion === 2 && p.phase === 'running'));
    await rebuilt.waitFor(head);
    expect(readStore.activeTable('oversight', 'requests')).toBe('oversight_v2__requests');
    expect(readStore.tablesWithPrefix('oversight_v1__')).toEqual([]);
    expect(answers(readStore)).toEqual(liveAnswers);
  });
});
