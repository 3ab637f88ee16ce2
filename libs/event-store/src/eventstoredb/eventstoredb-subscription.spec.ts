import { PassThrough } from 'node:stream';
import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import type { SubscriptionSource } from './subscription-source';

type FakeSource = PassThrough & SubscriptionSource & { unsubscribed: boolean };

function fakeSource(): FakeSource {
  const stream = new PassThrough({ objectMode: true }) as FakeSource;
  stream.unsubscribed = false;
  stream.unsubscribe = async () => {
    stream.unsubscribed = true;
  };
  return stream;
}

function resolved(position: bigint, streamId = 'request-1', type = 'RequestFiled'): AllStreamResolvedEvent {
  return {
    event: {
      streamId,
      id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
      isJson: true,
      revision: position,
      type,
      created: new Date(0),
      data: { p: position.toString() },
      metadata: { hash: 'h' },
      position: { commit: position, prepare: position },
    },
    commitPosition: position,
  };
}

const noDelay = { initialDelayMs: 0, maxDelayMs: 0 };

async function take(iterator: AsyncIterator<RecordedEvent>, n: number): Promise<bigint[]> {
  const out: bigint[] = [];
  while (out.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value.position);
  }
  return out;
}

describe('EventStoreDbSubscription', () => {
  it('skips the checkpoint itself, system events and filtered events', async () => {
    const source = fakeSource();
    const subscription = new EventStoreDbSubscription(() => source, 10n, { streamPrefixes: ['request-'] }, noDelay);
    const iterator = subscription[Symbol.asyncIterator]();
    source.write(resolved(10n));
    source.write(resolved(11n, '$stats-node1'));
    source.write(resolved(12n, 'agent-1'));
    source.write(resolved(13n));
    expect(await take(iterator, 1)).toEqual([13n]);
    await subscription.close();
    expect(source.unsubscribed).toBe(true);
  });

  it('resubscribes after a drop from the last delivered position, without gap or duplicate', async () => {
    const first = fakeSource();
    const second = fakeSource();
    const opened: bigint[] = [];
    const sources = [first, second];
    const subscription = new EventStoreDbSubscription(
      (after) => {
        opened.push(after);
        return sources.shift() as FakeSource;
      },
      0n,
      undefined,
      noDelay,
    );
    const iterator = subscription[Symbol.asyncIterator]();
    first.write(resolved(5n));
    first.write(resolved(8n));
    expect(await take(iterator, 2)).toEqual([5n, 8n]);
    first.destroy(new Error('connection reset'));
    // The server may replay the event at the resubscription position: it must not come twice.
    second.write(resolved(8n));
    second.write(resolved(9n));
    expect(await take(iterator, 1)).toEqual([9n]);
    expect(opened).toEqual([0n, 8n]);
    await subscription.close();
  });

  it('ends a pending iteration when closed', async () => {
    const source = fakeSource();
    const subscription = new EventStoreDbSubscription(() => source, 0n, undefined, noDelay);
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });

  it('closes the client subscription when the consumer stops iterating', async () => {
    const source = fakeSource();
    const subscription = new EventStoreDbSubscription(() => source, 0n, undefined, noDelay);
    source.write(resolved(1n));
    for await (const event of subscription) {
      expect(event.position).toBe(1n);
      break;
    }
    expect(source.unsubscribed).toBe(true);
  });
});
