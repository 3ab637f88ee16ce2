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
import { canonicalJson } from '../canonical-json';

/**
 * Test support: isolates one contract run on a shared EventStoreDB, whose log cannot be
 * emptied. Streams are stored as `<namespace><streamId>`; reads, subscriptions and the
 * head only see this namespace. Positions stay the server's global ones.
 */
export class NamespacedEventStore implements EventStore {
  readonly kind: EventStore['kind'];

  constructor(
    private readonly inner: EventStore,
    private readonly namespace: string,
  ) {
    this.kind = inner.kind;
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(this.namespace + streamId, events, expected);
  }

  async *readStream(streamId: string, options?: { fromRevision?: bigint }): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readStream(this.namespace + streamId, options)) yield this.strip(event);
  }

  async readLastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    const last = await this.inner.readLastEvent(this.namespace + streamId);
    return last === undefined ? undefined : this.strip(last);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (maxCount <= 0) return;
    let delivered = 0;
    const prefixes = (options.filter?.streamPrefixes ?? ['']).map((p) => this.namespace + p);
    for await (const event of this.inner.readAll({ after: options.after, filter: { ...options.filter, streamPrefixes: prefixes } })) {
      if (!event.streamId.startsWith(this.namespace)) continue;
      yield this.strip(event);
      if (++delivered >= maxCount) return;
    }
  }

  async headPosition(): Promise<bigint> {
    let head = 0n;
    for await (const event of this.readAll()) head = event.position;
    return head;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const prefixes = options.filter?.streamPrefixes ?? [''];
    const inner = this.inner.subscribe({
      after: options.after,
      filter: { ...options.filter, streamPrefixes: prefixes.map((p) => this.namespace + p) },
    });
    const strip = (event: RecordedEvent): RecordedEvent => this.strip(event);
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield strip(event);
      },
    };
  }

  async verifyChains(): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    for await (const event of this.readAll()) {
      const { hash, ...metadata } = event.metadata;
      verifier.accept(event.streamId, event.revision, event.position, event.type, canonicalJson(event.data), canonicalJson(metadata), hash);
    }
    return verifier.report();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private strip(event: RecordedEvent): RecordedEvent {
    return { ...event, streamId: event.streamId.slice(this.namespace.length) };
  }
}
