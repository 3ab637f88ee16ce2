import { join } from 'node:path';
import { SqliteEventStore } from '@vigie/event-store/sqlite/sqlite-event-store';
import { eventCountProjection } from './testing/event-count.projection';
import { STORE_KINDS } from './testing/read-model-stores';
import { countsIn as counts, RunnerFixture, seenCountIn as seenCount } from './testing/runner-fixture';
import { appendSamples, cycle } from './testing/sample-events';
import { until } from './testing/until';

// The runner's behaviours on both read stores, fed from the real SQLite log.
describe.each(STORE_KINDS)('ProjectionRunner on %s', (kind) => {
  let fx: RunnerFixture;
  beforeEach(() => (fx = new RunnerFixture((dir) => SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 20 }), kind)));
  afterEach(() => fx.close());

  it('catches up, follows live appends, and reports lag', async () => {
    const head = await appendSamples(fx.store, cycle(30));
    const readStore = await fx.target();
    const runner = fx.runner([eventCountProjection()], 7, readStore.runnerStore);
    expect(await runner.lag()).toEqual({ event_count: 30n });

    await runner.start();
    await runner.waitFor(head);
    expect(await counts(readStore.readStore)).toEqual({ Ping: 10, Pong: 10 });
    expect(await runner.lag()).toEqual({ event_count: 0n });
    // Unhandled types still move the checkpoint: it is the head, not the last Ping/Pong.
    expect(runner.status()[0]).toMatchObject({ phase: 'running', checkpoint: head, activeCheckpoint: head });

    const live = await appendSamples(fx.store, ['Ping', 'Noise', 'Pong', 'Ping']);
    await runner.waitFor(live);
    expect(await counts(readStore.readStore)).toEqual({ Ping: 12, Pong: 11 });
    expect(await seenCount(readStore.readStore)).toBe(23);
    expect(await runner.lag()).toEqual({ event_count: 0n });
  });

  it('resolves waitFor for a position already reached and times out for one never appended', async () => {
    const head = await appendSamples(fx.store, cycle(3));
    const runner = fx.runner([eventCountProjection()], 500, (await fx.target()).runnerStore);
    await runner.start();
    await runner.waitFor(head);
    await expect(runner.waitFor(head)).resolves.toBeUndefined();
    await expect(runner.waitFor(head + 1n, 20)).rejects.toThrow(/did not reach position 4/);
  });

  it('resumes from its checkpoint after a restart, applying only the new events', async () => {
    const first = await appendSamples(fx.store, cycle(30));
    const runner1 = fx.runner([eventCountProjection()], 500, (await fx.target()).runnerStore);
    await runner1.start();
    await runner1.waitFor(first);
    await runner1.stop();

    const head = await appendSamples(fx.store, cycle(9));
    let applied = 0;
    const readStore = await fx.target();
    const runner2 = fx.runner([eventCountProjection({ beforeApply: () => (applied += 1) })], 500, readStore.runnerStore);
    expect(await runner2.lag()).toEqual({ event_count: 9n });
    await runner2.start();
    await runner2.waitFor(head);
    expect(applied).toBe(6);
    expect(await counts(readStore.readStore)).toEqual({ Ping: 13, Pong: 13 });
  });

  it('commits rows and checkpoint together: a fold that throws mid-batch loses nothing and doubles nothing', async () => {
    const head = await appendSamples(fx.store, cycle(45));
    let applications = 0;
    const crashing = eventCountProjection({
      beforeApply: () => {
        applications += 1;
        if (applications === 11) throw new Error('disk on fire');
      },
    });
    const readStore1 = await fx.target();
    const runner1 = fx.runner([crashing], 4, readStore1.runnerStore);
    await runner1.start();
    await expect(runner1.waitFor(head)).rejects.toThrow(/event_count failed: disk on fire/);

    const [status] = runner1.status();
    expect(status.phase).toBe('failed');
    expect(status.failure?.message).toBe('disk on fire');
    const failedAt = status.failure?.event?.position ?? 0n;
    expect(failedAt).toBe(16n); // the 11th Ping/Pong is the 16th event
    expect(status.checkpoint).toBeLessThan(failedAt);
    expect(fx.logger.errors.join('\n')).toMatch(/event_count v1 stopped at position 16 \(Ping\): disk on fire/);
    // What was committed is exactly the handled events up to the checkpoint.
    const committed = cycle(Number(status.checkpoint)).filter((t) => t !== 'Noise').length;
    expect(await seenCount(readStore1.readStore)).toBe(committed);
    await runner1.stop();

    let reapplied = 0;
    const readStore2 = await fx.target();
    const runner2 = fx.runner([eventCountProjection({ beforeApply: () => (reapplied += 1) })], 4, readStore2.runnerStore);
    await runner2.start();
    await runner2.waitFor(head);
    expect(reapplied).toBe(30 - committed);
    expect(await counts(readStore2.readStore)).toEqual({ Ping: 15, Pong: 15 });
    expect(await seenCount(readStore2.readStore)).toBe(30);
  });

  it('keeps other projections running when one fails', async () => {
    const head = await appendSamples(fx.store, cycle(6));
    const broken = {
      ...eventCountProjection(),
      name: 'broken',
      apply: () => {
        throw new Error('bug');
      },
    };
    const readStore = await fx.target();
    const runner = fx.runner([broken, eventCountProjection()], 500, readStore.runnerStore);
    await runner.start();
    await expect(runner.waitFor(head)).rejects.toThrow(/broken failed: bug/);
    // The healthy one reaches the head; its rows are complete.
    const status = () => runner.status().find((s) => s.name === 'event_count');
    await until(() => status()?.checkpoint === head, 'event_count at the head');
    expect(await counts(readStore.readStore)).toEqual({ Ping: 2, Pong: 2 });
    expect(runner.status().find((s) => s.name === 'broken')).toMatchObject({ phase: 'failed', checkpoint: 0n });
  });

  it('reports a projection whose tables cannot be created as failed, without stopping the start', async () => {
    const bad = { ...eventCountProjection(), name: 'bad_ddl', tables: [{ name: 't', columns: ['not valid sql ('] }] };
    const runner = fx.runner([bad, eventCountProjection()], 500, (await fx.target()).runnerStore);
    await runner.start();
    expect(runner.status().map((s) => [s.name, s.phase])).toEqual([
      ['bad_ddl', 'failed'],
      ['event_count', 'running'],
    ]);
    expect(fx.logger.errors[0]).toMatch(/^Projection bad_ddl v1 stopped: /);
  });

  it('refuses invalid names and duplicates', () => {
    expect(() => fx.runner([{ ...eventCountProjection(), name: 'Bad-Name' }])).toThrow(/Invalid projection name/);
    expect(() => fx.runner([{ ...eventCountProjection(), name: 'a__b' }])).toThrow(/Invalid projection name/);
    expect(() => fx.runner([eventCountProjection(), eventCountProjection()])).toThrow(/registered twice/);
  });
});
