import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventStore } from '@vigie/event-store/sqlite/sqlite-event-store';
import type { EventStore } from '@vigie/event-store/event-store.port';
import { eventCountProjection } from './testing/event-count.projection';
import { counts, RunnerFixture, seenCount } from './testing/runner-fixture';
import { appendSamples, cycle, sampleEvent } from './testing/sample-events';

/** 2 400 events in streams of 12: more than one page of the adapter's catch-up reads. */
async function appendMany(store: EventStore, streams: number): Promise<bigint> {
  let last = 0n;
  for (let s = 0; s < streams; s++) {
    const events = cycle(12).map((type) => sampleEvent(type));
    last = (await store.append(`sample-${randomUUID()}`, events, 'no-stream')).position;
  }
  return last;
}

describe('ProjectionRunner on the embedded SQLite event store', () => {
  let fx: RunnerFixture;
  beforeEach(() => {
    fx = new RunnerFixture((dir) => SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 20 }));
  });
  afterEach(() => fx.close());

  it('catches up across pages, follows live appends, and survives a failed batch exactly once', async () => {
    const head = await appendMany(fx.store, 200);
    let applications = 0;
    const readStore1 = fx.openReadStore();
    const crashing = eventCountProjection({
      beforeApply: () => {
        applications += 1;
        if (applications === 1234) throw new Error('crash mid-batch');
      },
    });
    const runner1 = fx.runner([crashing], 500, readStore1);
    await runner1.start();
    await expect(runner1.waitFor(head)).rejects.toThrow(/crash mid-batch/);
    const checkpoint = runner1.status()[0].checkpoint;
    const committed = seenCount(readStore1);
    expect(committed).toBeLessThan(1234);
    expect(committed).toBe(cycle(Number(checkpoint)).filter((t) => t !== 'Noise').length);
    await runner1.stop();

    let reapplied = 0;
    const readStore2 = fx.openReadStore();
    const runner2 = fx.runner([eventCountProjection({ beforeApply: () => (reapplied += 1) })], 500, readStore2);
    expect((await runner2.lag()).event_count).toBe(head - checkpoint);
    await runner2.start();
    await runner2.waitFor(head);
    expect(reapplied).toBe(1600 - committed);
    expect(counts(readStore2)).toEqual({ Ping: 800, Pong: 800 });
    expect(await runner2.lag()).toEqual({ event_count: 0n });

    const live = await appendSamples(fx.store, ['Pong', 'Noise', 'Pong']);
    await runner2.waitFor(live);
    expect(counts(readStore2)).toEqual({ Ping: 800, Pong: 802 });
    expect(seenCount(readStore2)).toBe(1602);
  });

  it('rebuilds a bumped version from the file log and switches to it', async () => {
    const head = await appendMany(fx.store, 50);
    const runner1 = fx.runner([eventCountProjection()]);
    await runner1.start();
    await runner1.waitFor(head);
    await runner1.stop();

    const readStore = fx.openReadStore();
    const runner2 = fx.runner([eventCountProjection({ version: 2 })], 64, readStore);
    await runner2.start();
    // v1 is frozen at the head, so it already serves `head`; a later position needs v2.
    await runner2.waitFor(head);
    const later = await appendSamples(fx.store, ['Ping']);
    await runner2.waitFor(later);
    expect(readStore.activeTable('event_count', 'counts')).toBe('event_count_v2__counts');
    expect(counts(readStore)).toEqual({ Ping: 201, Pong: 200 });
    expect(readStore.tablesWithPrefix('event_count_v1__')).toEqual([]);
  });
});
