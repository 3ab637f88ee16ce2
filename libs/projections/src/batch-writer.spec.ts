import { join } from 'node:path';
import { SqliteEventStore } from '@vigie/event-store/sqlite/sqlite-event-store';
import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from './projection';
import { STORE_KINDS } from './testing/read-model-stores';
import { RunnerFixture } from './testing/runner-fixture';
import { appendSamples, cycle } from './testing/sample-events';

/** Writes one row per Ping and Pong; the `amount` column refuses what the database refuses. */
const rows = (name: string, value: (event: RecordedEvent) => unknown): Projection => ({
  name,
  version: 1,
  handles: ['Ping', 'Pong'],
  tables: [{ name: 'rows', columns: ['event_id TEXT PRIMARY KEY', 'value TEXT NOT NULL'] }],
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    tx.run(`INSERT INTO ${tx.table('rows')} (event_id, value) VALUES (?, ?)`, [event.eventId, value(event)]);
  },
});

// The batch writers of both read stores: what the database refuses, and what it must keep byte for byte.
describe.each(STORE_KINDS)('batch writer on %s', (kind) => {
  let fx: RunnerFixture;
  beforeEach(() => (fx = new RunnerFixture((dir) => SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 20 }), kind)));
  afterEach(() => fx.close());

  it('a statement the database refuses names its event, undoes its projection part alone and keeps the checkpoint before it', async () => {
    const head = await appendSamples(fx.store, cycle(30));
    let seen = 0;
    // The 7th Ping/Pong (position 10) writes NULL into a NOT NULL column.
    const refused = rows('refused', () => (++seen === 7 ? null : 'ok'));
    const healthy = rows('healthy', () => 'ok');
    const target = await fx.target();
    const runner = fx.runner([refused, healthy], 100, target.runnerStore);
    await runner.start();
    await expect(runner.waitFor(head)).rejects.toThrow(/refused failed/);

    const status = runner.status().find((s) => s.name === 'refused');
    expect(status?.phase).toBe('failed');
    expect(status?.failure?.event?.position).toBe(10n);
    expect(status?.checkpoint).toBe(0n);
    expect(await target.readStore.all('SELECT event_id FROM refused_v1__rows')).toEqual([]);
    expect(await target.readStore.all('SELECT event_id FROM healthy_v1__rows')).toHaveLength(20);
  });

  it('keeps quotes, backslashes, semicolons, comments and non-ASCII text exactly as folded', async () => {
    const tricky = ["it's", 'back\\slash\\', "'; DROP TABLE projection_state; --", '-- not a comment', 'é 🛰 \u2028 $1 ? @x', "E'\\x00'"];
    const head = await appendSamples(fx.store, Array.from({ length: tricky.length }, () => 'Ping'));
    let n = 0;
    const target = await fx.target();
    const runner = fx.runner([rows('texts', () => tricky[n++])], 100, target.runnerStore);
    await runner.start();
    await runner.waitFor(head);
    const stored = await target.readStore.all<{ value: string }>('SELECT value FROM texts_v1__rows');
    expect(stored.map((r) => r.value).sort()).toEqual([...tricky].sort());
    expect(await target.readStore.checkpoints()).toHaveLength(1);
  });
});
