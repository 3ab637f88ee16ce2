import type { Projection } from './projection';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import type { ReadStore } from './read-store';
import { eventCountProjection, type EventCountOptions } from './testing/event-count.projection';
import { openTempEventStore } from './testing/temp-event-store';
import { RunnerFixture } from './testing/runner-fixture';
import { appendSamples, cycle } from './testing/sample-events';
import { until } from './testing/until';

/** The sample projection under another name, so two of them can run side by side. */
const named = (name: string, options: EventCountOptions = {}): Projection => ({ ...eventCountProjection(options), name });

function countsOf(readStore: ReadStore, name: string): Record<string, number> {
  const rows = readStore.all<{ type: string; n: number }>(`SELECT type, n FROM ${readStore.activeTable(name, 'counts')} ORDER BY type`);
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

function seenOf(readStore: ReadStore, name: string): number {
  return readStore.get<{ c: number }>(`SELECT count(*) AS c FROM ${readStore.activeTable(name, 'seen')}`)?.c ?? 0;
}

type Mode = Pick<ProjectionRunnerOptions, 'writerThread' | 'shareWithin'>;

describe.each<[string, Mode]>([
  ['one shared reader, writer thread', {}],
  ['one shared reader, on the read store connection', { writerThread: false }],
  ['one reader per checkpoint', { shareWithin: 0 }],
])('ProjectionRunner feeds (%s)', (_, mode) => {
  let fx: RunnerFixture;
  const runners: ProjectionRunner[] = [];
  beforeEach(() => (fx = new RunnerFixture(openTempEventStore())));
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await fx.close();
  });

  const runner = (projections: readonly Projection[], readStore: ReadStore): ProjectionRunner => {
    const r = new ProjectionRunner({ store: fx.store, readStore, projections, batchSize: 4, logger: fx.logger, ...mode });
    runners.push(r);
    return r;
  };

  it('brings two projections at different checkpoints to the same exact state', async () => {
    const first = await appendSamples(fx.store, cycle(30));
    const ahead = runner([named('ahead')], fx.openReadStore());
    await ahead.start();
    await ahead.waitFor(first);
    await ahead.stop();

    const head = await appendSamples(fx.store, cycle(9));
    const applied = { ahead: 0, behind: 0 };
    const readStore = fx.openReadStore();
    const both = runner(
      [named('ahead', { beforeApply: () => (applied.ahead += 1) }), named('behind', { beforeApply: () => (applied.behind += 1) })],
      readStore,
    );
    expect(await both.lag()).toEqual({ ahead: 9n, behind: head });
    await both.start();
    await both.waitFor(head);

    // `seen` is keyed by position: an event folded twice would have failed the batch.
    expect(applied).toEqual({ ahead: 6, behind: 26 });
    for (const name of ['ahead', 'behind']) {
      expect(countsOf(readStore, name)).toEqual({ Ping: 13, Pong: 13 });
      expect(seenOf(readStore, name)).toBe(26);
    }
    expect(both.status().map((s) => [s.name, s.phase, s.checkpoint])).toEqual([
      ['ahead', 'running', head],
      ['behind', 'running', head],
    ]);

    const live = await appendSamples(fx.store, ['Pong', 'Noise']);
    await both.waitFor(live);
    expect(countsOf(readStore, 'ahead')).toEqual(countsOf(readStore, 'behind'));
    expect(seenOf(readStore, 'behind')).toBe(27);
  });

  it('stops a projection whose statement fails without stopping the one sharing its reader', async () => {
    const head = await appendSamples(fx.store, cycle(12));
    const badSql: Projection = {
      ...named('bad_sql'),
      apply: (event, tx) => {
        if (event.type === 'Ping') tx.run(`INSERT INTO ${tx.table('seen')} VALUES (?, ?)`, [event.position.toString(), event.eventId]);
        else tx.run(`INSERT INTO ${tx.table('counts')} (no_such_column) VALUES (1)`);
      },
    };
    const readStore = fx.openReadStore();
    const r = runner([badSql, named('healthy')], readStore);
    await r.start();
    await expect(r.waitFor(head)).rejects.toThrow(/bad_sql failed: .*no_such_column/);
    const status = (name: string) => r.status().find((s) => s.name === name);
    await until(() => status('healthy')?.checkpoint === head, 'the healthy projection at the head');

    expect(status('bad_sql')).toMatchObject({ phase: 'failed', checkpoint: 0n, failure: { event: { position: 2n, type: 'Pong' } } });
    expect(countsOf(readStore, 'healthy')).toEqual({ Ping: 4, Pong: 4 });
    expect(seenOf(readStore, 'bad_sql')).toBe(0); // the Ping before the failing Pong was undone with it
  });
});
