import { AccessDeniedError, UnavailableError } from '@eventstore/db-client';
import {
  AppendOutcomeUnknownError,
  AppendTooLargeError,
  DuplicateEventError,
  InvalidPositionError,
  StoreUnavailableError,
  StreamDeletedError,
  SubscriptionFailedError,
} from '../event-store.errors';
import { isEventPosition } from '../event-position';
import { collect, ids, newEvent, newEvents } from '../testing/contract-fixtures';
import { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { esdbErrors } from './testing/fake-esdb-faults';
import { FakeEsdbServer } from './testing/fake-esdb-server';

const noDelay = { initialDelayMs: 0, maxDelayMs: 0 };

/** Behaviours read from the server's and the 6.2.1 client's source, played by the fake. */
describe('EventStoreDbEventStore against the server behaviours the fake plays', () => {
  let server: FakeEsdbServer;
  let store: EventStoreDbEventStore;
  const open = (options: EventStoreDbOptions = {}): EventStoreDbEventStore => new EventStoreDbEventStore(new FakeEsdbClient(server), noDelay, options);

  beforeEach(() => {
    server = new FakeEsdbServer();
    store = open();
  });
  afterEach(() => store.close());

  it('answers a retry with an exact revision with the original revision and $all position, writing nothing', async () => {
    await store.append('s', newEvents(1), 'no-stream');
    const batch = newEvents(2);
    const first = await store.append('s', batch, 0n);
    await store.append('s', newEvents(1), 1n + 1n);
    // The stream went on after the batch: the server still finds it at expected + 1 through its index.
    expect(await store.append('s', batch, 0n)).toEqual(first);
    expect(await collect(store.readStream('s'))).toHaveLength(4);
  });

  it("recognises an 'any' retry after a restart (the server's id cache is gone) wherever the batch sits", async () => {
    const batch = newEvents(2);
    const first = await store.append('s', batch, 'any');
    await store.append('s', newEvents(1), 'any');
    server.restart(new UnavailableError(undefined, 'restart'));
    expect(await store.append('s', batch, 'any')).toEqual(first);
    expect(ids(await collect(store.readStream('s')))).toHaveLength(3);
  });

  it('refuses ids reused in another order with DuplicateEventError', async () => {
    const [a, b] = newEvents(2) as [ReturnType<typeof newEvent>, ReturnType<typeof newEvent>];
    await store.append('s', [a, b], 'any');
    await expect(store.append('s', [a, newEvent('Other')], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
  });

  it('reports a deadline exceeded after the commit as an unknown outcome, and the retry finds the stored batch', async () => {
    const batch = newEvents(2);
    server.planAppendFault({ commit: true, error: esdbErrors.deadlineExceeded() });
    const failure = await store.append('s', batch, 'no-stream').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppendOutcomeUnknownError);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    const stored = await collect(store.readStream('s'));
    expect(await store.append('s', batch, 'no-stream')).toEqual({ nextExpectedRevision: 1n, position: stored[1]?.position });
    expect(await collect(store.readStream('s'))).toHaveLength(2);
  });

  it('reports a retry the leader dropped (deadline, nothing written) as unknown too; sending it again writes it once', async () => {
    const batch = newEvents(1);
    server.planAppendFault({ commit: false, error: esdbErrors.deadlineExceeded() });
    await expect(store.append('s', batch, 'no-stream')).rejects.toBeInstanceOf(AppendOutcomeUnknownError);
    expect(await collect(store.readStream('s'))).toEqual([]);
    await store.append('s', batch, 'no-stream');
    expect(await collect(store.readStream('s'))).toHaveLength(1);
  });

  it('reports NotLeader (a leader change: nothing written) as unavailable but not ambiguous', async () => {
    server.planAppendFault({ commit: false, error: esdbErrors.notLeader() });
    const failure = await store.append('s', newEvents(1), 'no-stream').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(failure).not.toBeInstanceOf(AppendOutcomeUnknownError);
  });

  it('refuses an append above the limit before sending it, naming the limit', async () => {
    const big = newEvent('Big', { blob: 'x'.repeat(2_000) });
    const small = open({ maxAppendBytes: 1_000 });
    const failure = await small.append('s', [big], 'no-stream').catch((e: unknown) => e);
    await small.close();
    expect(failure).toBeInstanceOf(AppendTooLargeError);
    expect(failure).toMatchObject({ limitBytes: 1_000 });
    expect(server.streamRecords('s')).toBeUndefined();
  });

  it("translates the server's own MaxAppendSizeExceeded when the adapter was told a larger limit", async () => {
    const big = newEvent('Big', { blob: 'x'.repeat(1_100_000) });
    const lax = open({ maxAppendBytes: 16 * 1_048_576 });
    const failure = await lax.append('s', [big], 'no-stream').catch((e: unknown) => e);
    await lax.close();
    expect(failure).toMatchObject({ name: 'AppendTooLargeError', limitBytes: 1_048_576 });
  });

  it('refuses a read from a position that is not an event position (P + 1) with InvalidPositionError', async () => {
    const { position } = await store.append('s', newEvents(2), 'no-stream');
    expect(await collect(store.readAll({ after: position }))).toEqual([]);
    await expect(collect(store.readAll({ after: position + 1n }))).rejects.toBeInstanceOf(InvalidPositionError);
    expect(await isEventPosition(store, position)).toBe(true);
    expect(await isEventPosition(store, position + 1n)).toBe(false);
    expect(await isEventPosition(store, 0n)).toBe(true);
  });

  it('stops a subscription from a non-event position for good, telling the observer once', async () => {
    const { position } = await store.append('s', newEvents(1), 'no-stream');
    const failures: SubscriptionFailedError[] = [];
    const observed = open({ observer: { onFailed: (e) => failures.push(e) } });
    const subscription = observed.subscribe({ after: position + 1n });
    await expect(collect(subscription)).rejects.toBeInstanceOf(SubscriptionFailedError);
    await observed.close();
    expect(failures).toHaveLength(1);
    expect(server.subscriptionStarts).toHaveLength(1);
  });

  it('stops a subscription on AccessDenied without resubscribing', async () => {
    const { position } = await store.append('s', newEvents(1), 'no-stream');
    const iterator = store.subscribe()[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.position).toBe(position);
    server.dropAllSubscriptions(new AccessDeniedError(undefined, 'denied'));
    await expect(iterator.next()).rejects.toBeInstanceOf(SubscriptionFailedError);
    expect(server.subscriptionStarts).toHaveLength(1);
  });

  it('reconnects after a leader change from the checkpoint and reports each reconnect', async () => {
    const reconnects: bigint[] = [];
    const observed = open({ observer: { onReconnect: ({ from }) => reconnects.push(from) } });
    const first = await observed.append('s', newEvents(1), 'no-stream');
    const iterator = observed.subscribe()[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.position).toBe(first.position);
    server.restart(esdbErrors.notLeader());
    await observed.append('s', newEvents(1), 0n);
    const next = await iterator.next();
    await observed.close();
    expect(next.value?.revision).toBe(1n);
    expect(reconnects).toEqual([first.position]);
  });

  it('reports a deleted stream on append and on read', async () => {
    await store.append('s', newEvents(1), 'no-stream');
    server.tombstone('s');
    await expect(store.append('s', newEvents(1), 0n)).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(collect(store.readStream('s'))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(store.readLastEvent('s')).rejects.toBeInstanceOf(StreamDeletedError);
  });
});
