import { BACKWARDS, END, EventStoreDBClient, FORWARDS, type AllStreamResolvedEvent } from '@eventstore/db-client';
import { canonicalJson } from '../canonical-json';
import { StoreClosedError } from '../event-store.errors';
import type {
  AppendResult,
  ChainReport,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { ChainVerifier } from '../verify';
import { appendChained } from './eventstoredb-append';
import { DEFAULT_MAX_APPEND_BYTES } from './eventstoredb-append-size';
import { matchesFilter, toServerFilter } from './eventstoredb-filter';
import { drain, readStreamEvents, readTail, type EsdbClient } from './eventstoredb-reads';
import { DEFAULT_BACKOFF, EventStoreDbSubscription, type ResubscribeBackoff, type SubscriptionObserver } from './eventstoredb-subscription';
import { isSystemEvent, toReadError, toReadPosition, toRecordedEvent } from './eventstoredb-translate';

export interface EventStoreDbOptions {
  /** The cluster's `--max-append-size`; 1 MiB (the default up to server 25.0) when omitted. */
  readonly maxAppendBytes?: number;
  /** Told of every resubscription and of a subscription that stopped for good (metrics, logs). */
  readonly observer?: SubscriptionObserver;
}

/**
 * The EventStore port on an EventStoreDB cluster (selected by EVENTSTORE_CONNECTION_STRING).
 * System streams and types (`$…`) are invisible through the port.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  private closed = false;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();

  constructor(
    private readonly client: EsdbClient,
    private readonly backoff: ResubscribeBackoff = DEFAULT_BACKOFF,
    private readonly options: EventStoreDbOptions = {},
  ) {}

  /** e.g. `esdb://node1:2113,node2:2113,node3:2113?tls=false`; the client connects lazily. */
  static connect(connectionString: string, options: EventStoreDbOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), DEFAULT_BACKOFF, options);
  }

  /** The largest append the adapter sends, in the server's count of bytes. */
  get maxAppendBytes(): number {
    return this.options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    return appendChained(this.client, streamId, events, expected, this.maxAppendBytes);
  }

  async *readStream(streamId: string, options?: { fromRevision?: bigint }): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    yield* readStreamEvents(this.client, streamId, { fromRevision: options?.fromRevision ?? 0n, direction: FORWARDS });
  }

  /** `readStream` backwards from END, one event; a missing stream is undefined, a deleted one throws. */
  async readLastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    this.assertOpen();
    const [last] = await readTail(this.client, streamId, 1);
    return last;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const after = options.after ?? 0n;
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (maxCount <= 0) return;
    let delivered = 0;
    const read = this.client.readAll({ fromPosition: toReadPosition(after), direction: FORWARDS, resolveLinkTos: false });
    const items = drain(read);
    for (;;) {
      let next: IteratorResult<AllStreamResolvedEvent>;
      try {
        next = await items.next();
      } catch (error) {
        throw toReadError(error, after);
      }
      if (next.done === true) return;
      const resolved = next.value;
      if (isSystemEvent(resolved)) continue;
      const event = toRecordedEvent(resolved);
      // The read starts at the event stored at `after` itself: the port's bound is exclusive.
      if (event.position <= after) continue;
      // $all reads take no server-side filter (only subscriptions do): the client skips.
      if (!matchesFilter(event, options.filter)) continue;
      yield event;
      if (++delivered >= maxCount) {
        await items.return(undefined);
        return;
      }
    }
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    const read = this.client.readAll({ fromPosition: END, direction: BACKWARDS, resolveLinkTos: false });
    for await (const resolved of drain(read)) {
      if (!isSystemEvent(resolved)) return toRecordedEvent(resolved).position;
    }
    return 0n;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const after = options.after ?? 0n;
    const serverFilter = toServerFilter(options.filter);
    const subscription = new EventStoreDbSubscription(
      (from) => this.client.subscribeToAll({ fromPosition: toReadPosition(from), filter: serverFilter, resolveLinkTos: false }),
      after,
      options.filter,
      this.backoff,
      (closed) => this.subscriptions.delete(closed),
      this.options.observer,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Walks $all once and recomputes every stream's chain with the shared verifier. */
  async verifyChains(): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    for await (const event of this.readAll()) {
      const { hash, ...metadata } = event.metadata;
      verifier.accept(event.streamId, event.revision, event.position, event.type, canonicalJson(event.data), canonicalJson(metadata), hash);
    }
    return verifier.report();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
