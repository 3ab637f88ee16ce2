import {
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { collect, ids, newEvent, newEvents, uniquePrefix } from '../testing/contract-fixtures';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { FakeEsdbServer } from './testing/fake-esdb-server';

/** Pulls `count` events from one iterator (the port's `take` would open a new one each call). */
async function pull(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  while (out.length < count) {
    const next = await iterator.next();
    if (next.done === true) break;
    out.push(next.value);
  }
  return out;
}

/** Resubscribe at once: the tests wait on events, never on timers. */
const noDelay = { initialDelayMs: 0, maxDelayMs: 0 };

/**
 * The shared contract against the EventStoreDB adapter on an in-memory fake of the
 * client (no server on CI). Reopening disposes the client and connects a new one to the
 * same fake node, as a restarted process would. The live suite stays in
 * eventstoredb-event-store.contract.spec.ts (EVENTSTORE_CONNECTION_STRING).
 */
describeEventStoreContract('eventstoredb (fake client)', async () => {
  const server = new FakeEsdbServer({ statsEvery: 7 });
  const open = (): EventStore => new EventStoreDbEventStore(new FakeEsdbClient(server), noDelay);
  let current = open();
  return {
    store: current,
    async reopen() {
      await current.close();
      current = open();
      return current;
    },
    cleanup: () => current.close(),
  };
});

describe('EventStoreDbEventStore on the fake client', () => {
  let server: FakeEsdbServer;
  let store: EventStore;

  beforeEach(() => {
    server = new FakeEsdbServer();
    store = new EventStoreDbEventStore(new FakeEsdbClient(server), noDelay);
  });

  afterEach(() => store.close());

  it('hides the system events of $all from readAll and headPosition', async () => {
    const systemHead = server.allRecords().at(-1)?.position;
    expect(await collect(store.readAll())).toEqual([]);
    expect(await store.headPosition()).toBe(0n);
    const stream = `${uniquePrefix()}a`;
    const { position } = await store.append(stream, newEvents(1), 'no-stream');
    expect(position).toBeGreaterThan(systemHead ?? 0n);
    expect((await collect(store.readAll())).map((e) => e.streamId)).toEqual([stream]);
  });

  it('reads the last event with one backwards read of one event from the end of the stream', async () => {
    const client = new FakeEsdbClient(server);
    const counted = new EventStoreDbEventStore(client, noDelay);
    const stream = `${uniquePrefix()}a`;
    const events = newEvents(5);
    await counted.append(stream, events, 'no-stream');
    const reads = jest.spyOn(client, 'readStream');
    expect((await counted.readLastEvent(stream))?.eventId).toBe(events[4].eventId);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads).toHaveBeenCalledWith(stream, expect.objectContaining({ direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
    await counted.close();
  });

  it('resubscribes after a drop mid-stream from its last position, with no gap and no duplicate', async () => {
    const prefix = uniquePrefix();
    const head = await store.headPosition();
    const early = newEvents(10);
    await store.append(`${prefix}a`, early, 'no-stream');
    // The first call breaks after 4 events, as a reset connection would (in-flight events are lost).
    server.planSubscriptionDrop({ afterEvents: 4, error: new UnavailableError(undefined, 'connection reset') });
    const subscription = store.subscribe({ after: head, filter: { streamPrefixes: [prefix] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const firstFour = await pull(iterator, 4);
    expect(ids(firstFour)).toEqual(ids(early.slice(0, 4)));

    const late = [newEvent('Late', { n: 1 }), newEvent('Late', { n: 2 })];
    const produced = store.append(`${prefix}a`, late, 9n);
    const rest = await pull(iterator, 8);
    await produced;
    await subscription.close();

    const received = [...firstFour, ...rest];
    expect(ids(received)).toEqual(ids([...early, ...late]));
    expect(new Set(ids(received)).size).toBe(12);
    // Two calls: from the caller's checkpoint, then from the last event it had delivered.
    expect(server.subscriptionStarts).toEqual([-1n, firstFour[3]?.position]);
  });
});

describe('FakeEsdbClient (the semantics the adapter relies on)', () => {
  const event = (id: string) => jsonEvent({ id, type: 'T', data: {} });
  const ID = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] as const;

  it('reports a wrong expected version with the actual revision or no_stream', async () => {
    const client = new FakeEsdbClient();
    await expect(client.appendToStream('s', [event(ID[0])], { expectedRevision: 0n })).rejects.toMatchObject({ actualVersion: NO_STREAM });
    await client.appendToStream('s', [event(ID[0])], { expectedRevision: NO_STREAM });
    const error: unknown = await client.appendToStream('s', [event(ID[1])], { expectedRevision: NO_STREAM }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ actualVersion: 0n });
  });

  it('acknowledges a retried batch without writing it again', async () => {
    const client = new FakeEsdbClient();
    const first = await client.appendToStream('s', [event(ID[0]), event(ID[1])], { expectedRevision: NO_STREAM });
    expect(first.position).toBeDefined();
    expect(await client.appendToStream('s', [event(ID[0]), event(ID[1])], { expectedRevision: NO_STREAM })).toMatchObject({ success: true, nextExpectedRevision: 1n });
    expect(client.server.streamRecords('s')).toHaveLength(2);
  });

  it('reads $all forwards from a position inclusively and backwards exclusively', async () => {
    const client = new FakeEsdbClient();
    const { position } = await client.appendToStream('s', [event(ID[0])], { expectedRevision: NO_STREAM });
    const at = position ?? { commit: 0n, prepare: 0n };
    const forwards = await client.readAll({ fromPosition: at, direction: FORWARDS }).toArray();
    const backwards = await client.readAll({ fromPosition: at, direction: BACKWARDS }).toArray();
    expect(forwards.map((r: AllStreamResolvedEvent) => r.commitPosition)).toEqual([at.commit]);
    expect(backwards.every((r: AllStreamResolvedEvent) => (r.commitPosition ?? at.commit) < at.commit)).toBe(true);
    expect(backwards.length).toBeGreaterThan(0);
  });

  it('fails a read of a missing stream with StreamNotFoundError', async () => {
    await expect(new FakeEsdbClient().readStream('nope').toArray()).rejects.toBeInstanceOf(StreamNotFoundError);
  });
});
