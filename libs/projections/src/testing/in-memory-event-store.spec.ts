import { DuplicateEventError, WrongExpectedVersionError } from '@vigie/event-store/event-store.errors';
import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';
import { sampleEvent } from './sample-events';

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

describe('InMemoryEventStore', () => {
  let store: InMemoryEventStore;
  beforeEach(() => (store = new InMemoryEventStore()));
  afterEach(() => store.close());

  it('appends with expected revisions and numbers positions from 1', async () => {
    expect(await store.headPosition()).toBe(0n);
    const first = await store.append('s-1', [sampleEvent('Ping'), sampleEvent('Pong')], 'no-stream');
    expect(first).toEqual({ nextExpectedRevision: 1n, position: 2n });
    await expect(store.append('s-1', [sampleEvent('Ping')], 0n)).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(store.append('s-2', [sampleEvent('Ping')], 'stream-exists')).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect((await store.append('s-1', [sampleEvent('Ping')], 1n)).position).toBe(3n);
    expect((await collect(store.readStream('s-1'))).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect((await collect(store.readAll({ after: 1n, maxCount: 1 }))).map((e) => e.position)).toEqual([2n]);
    expect((await store.verifyChains()).ok).toBe(true);
  });

  it('answers a retried append idempotently and refuses a reused id elsewhere', async () => {
    const events = [sampleEvent('Ping'), sampleEvent('Pong')];
    const first = await store.append('s-1', events, 'no-stream');
    expect(await store.append('s-1', events, 'no-stream')).toEqual(first);
    expect(await store.headPosition()).toBe(2n);
    await expect(store.append('s-2', [events[0]], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
  });

  it('subscribes with catch-up then live, filtered, without gap or duplicate', async () => {
    await store.append('a-1', [sampleEvent('Ping'), sampleEvent('Noise')], 'no-stream');
    const sub = store.subscribe({ after: 0n, filter: { eventTypes: ['Ping'] } });
    const received: bigint[] = [];
    const done = (async () => {
      for await (const e of sub) {
        received.push(e.position);
        if (received.length === 3) await sub.close();
      }
    })();
    await store.append('a-2', [sampleEvent('Noise'), sampleEvent('Ping')], 'no-stream');
    await store.append('a-3', [sampleEvent('Ping')], 'no-stream');
    await done;
    expect(received).toEqual([1n, 4n, 5n]);
  });

  it('ends a pending subscription on close', async () => {
    const sub = store.subscribe({ after: 0n });
    const next = sub[Symbol.asyncIterator]().next();
    await sub.close();
    expect((await next).done).toBe(true);
  });
});
