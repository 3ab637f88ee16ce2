import { appendSamples, cycle } from '@vigie/projections/testing/sample-events';
import { eventCountProjection } from '@vigie/projections/testing/event-count.projection';
import { openTempEventStore } from '@vigie/projections/testing/temp-event-store';
import { replayProjections } from './replay';

interface Count {
  type: string;
  n: number;
}

const counts = (rows: Count[]): Record<string, number> => Object.fromEntries(rows.map((r) => [r.type, r.n]));

describe('replayProjections', () => {
  it('unbounded, reads only the types its folds handle and folds each of them', async () => {
    const store = openTempEventStore();
    try {
      await appendSamples(store, cycle(9)); // Ping, Pong, Noise × 3: the projection ignores Noise
      const replayed = await replayProjections(store, [eventCountProjection()], {});
      try {
        expect({ read: replayed.read, applied: replayed.applied }).toEqual({ read: 6, applied: 6 });
        expect(replayed.last?.position).toBe(8n); // the last Pong; position 9 is Noise
        const table = await replayed.readStore.activeTable('event_count', 'counts');
        expect(counts(await replayed.readStore.all<Count>(`SELECT type, n FROM ${table}`))).toEqual({ Ping: 3, Pong: 3 });
      } finally {
        await replayed.readStore.close();
      }
    } finally {
      await store.close();
    }
  });

  it('to a position, reads every event up to it, so the last one is that position whatever its type', async () => {
    const store = openTempEventStore();
    try {
      await appendSamples(store, cycle(9));
      const replayed = await replayProjections(store, [eventCountProjection()], { toPosition: 6n });
      try {
        expect({ read: replayed.read, applied: replayed.applied, last: replayed.last?.position }).toEqual({ read: 6, applied: 4, last: 6n });
        const table = await replayed.readStore.activeTable('event_count', 'counts');
        expect(counts(await replayed.readStore.all<Count>(`SELECT type, n FROM ${table}`))).toEqual({ Ping: 2, Pong: 2 });
      } finally {
        await replayed.readStore.close();
      }
    } finally {
      await store.close();
    }
  });
});
