import { eventCountProjection } from './testing/event-count.projection';
import { openTempEventStore } from './testing/temp-event-store';
import { counts, RunnerFixture } from './testing/runner-fixture';
import { appendSamples, cycle } from './testing/sample-events';
import { ProjectionRunner } from './projection-runner';
import { ReadStore } from './read-store';

type Snapshot = { counts: unknown[]; seen: unknown[] };

function snapshot(readStore: ReadStore): Snapshot {
  const table = (logical: string) => readStore.activeTable('event_count', logical);
  return {
    counts: readStore.all(`SELECT * FROM ${table('counts')} ORDER BY type`),
    seen: readStore.all(`SELECT * FROM ${table('seen')} ORDER BY position`),
  };
}

function tables(readStore: ReadStore): string[] {
  return readStore.tablesWithPrefix('event_count_');
}

describe('ProjectionRunner version bump', () => {
  let fx: RunnerFixture;
  beforeEach(() => (fx = new RunnerFixture(openTempEventStore())));
  afterEach(() => fx.close());

  async function runV1To(head: bigint): Promise<void> {
    const runner = fx.runner([eventCountProjection()]);
    await runner.start();
    await runner.waitFor(head);
    await runner.stop();
  }

  it('rebuilds the new version from 0 while the old tables answer, then switches and drops them', async () => {
    await runV1To(await appendSamples(fx.store, cycle(30), 2));
    const head = await appendSamples(fx.store, cycle(6), 3);

    const readStore = fx.openReadStore();
    const seenDuringRebuild = new Set<string>();
    let rebuildApplications = 0;
    const v2 = eventCountProjection({
      version: 2,
      beforeApply: () => {
        rebuildApplications += 1;
        // Queries made while v2 rebuilds still read v1, frozen at its checkpoint.
        seenDuringRebuild.add(`${readStore.activeTable('event_count', 'counts')} ${JSON.stringify(counts(readStore))}`);
      },
    });
    const runner = fx.runner([v2], 4, readStore);
    await runner.start();
    expect(runner.status()[0]).toMatchObject({ version: 2, activeVersion: 1, activeCheckpoint: 30n });
    await runner.waitFor(head);

    expect([...seenDuringRebuild]).toEqual(['event_count_v1__counts {"Ping":10,"Pong":10}']);
    expect(rebuildApplications).toBe(24); // from position 0, not from v1's checkpoint
    expect(runner.activeTable('event_count', 'counts')).toBe('event_count_v2__counts');
    expect(counts(readStore)).toEqual({ Ping: 12, Pong: 12 });
    expect(tables(readStore)).toEqual(['event_count_v2__counts', 'event_count_v2__seen']);
    expect(runner.status()[0]).toMatchObject({ phase: 'running', version: 2, activeVersion: 2, checkpoint: head });
    expect(fx.logger.infos).toEqual(['Projection event_count: v2 caught up, v1 dropped']);

    // Identical to a replay of the same log into a fresh in-memory store.
    const replayStore = ReadStore.open({ path: ':memory:' });
    const replay = new ProjectionRunner({ store: fx.store, readStore: replayStore, projections: [eventCountProjection()] });
    try {
      await replay.start();
      await replay.waitFor(head);
      expect(snapshot(readStore)).toEqual(snapshot(replayStore));
    } finally {
      await replay.stop();
      replayStore.close();
    }
  });

  it('resumes an interrupted rebuild from its own checkpoint, or rolls back to the active version', async () => {
    await runV1To(await appendSamples(fx.store, cycle(30)));
    const head = await appendSamples(fx.store, cycle(6));

    let applications = 0;
    const failing = eventCountProjection({
      version: 2,
      beforeApply: () => {
        applications += 1;
        if (applications === 9) throw new Error('bug in v2');
      },
    });
    const readStore1 = fx.openReadStore();
    const runner1 = fx.runner([failing], 4, readStore1);
    await runner1.start();
    await expect(runner1.waitFor(head)).rejects.toThrow(/bug in v2/);
    // v1 keeps serving what it reflected: positions up to its checkpoint are readable.
    await expect(runner1.waitFor(30n)).resolves.toBeUndefined();
    expect(counts(readStore1)).toEqual({ Ping: 10, Pong: 10 });
    const interruptedAt = runner1.status()[0].checkpoint;
    expect(interruptedAt).toBeGreaterThan(0n);
    await runner1.stop();

    let resumed = 0;
    const readStore2 = fx.openReadStore();
    const runner2 = fx.runner([eventCountProjection({ version: 2, beforeApply: () => (resumed += 1) })], 4, readStore2);
    await runner2.start();
    await runner2.waitFor(head);
    const before = cycle(Number(interruptedAt)).filter((t) => t !== 'Noise').length;
    expect(resumed).toBe(24 - before);
    expect(counts(readStore2)).toEqual({ Ping: 12, Pong: 12 });
    await runner2.stop();

    // Bump to v3, interrupt it at once, then deploy v2 again: v3's tables go, v2 resumes.
    const last = await appendSamples(fx.store, ['Ping']);
    const broken = () => {
      throw new Error('stop');
    };
    const runner3 = fx.runner([eventCountProjection({ version: 3, beforeApply: broken })]);
    await runner3.start();
    await expect(runner3.waitFor(head)).resolves.toBeUndefined(); // v2 still serves up to head
    await expect(runner3.waitFor(last)).rejects.toThrow(/stop/);
    await runner3.stop();
    const readStore4 = fx.openReadStore();
    let v2Again = 0;
    const runner4 = fx.runner([eventCountProjection({ version: 2, beforeApply: () => (v2Again += 1) })], 4, readStore4);
    await runner4.start();
    await runner4.waitFor(last);
    expect(v2Again).toBe(1);
    expect(tables(readStore4)).toEqual(['event_count_v2__counts', 'event_count_v2__seen']);
    expect(counts(readStore4)).toEqual({ Ping: 13, Pong: 12 });
  });
});
