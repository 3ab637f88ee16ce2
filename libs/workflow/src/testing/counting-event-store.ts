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
} from '@vigie/event-store';

/**
 * Counts the events each stream read hands out (readStream and readLastEvent), per
 * stream: what a decision costs in events read, independent of the machine's speed.
 */
export class CountingEventStore implements EventStore {
  private readonly counts = new Map<string, number>();

  constructor(private readonly inner: EventStore) {}

  get kind(): EventStore['kind'] {
    return this.inner.kind;
  }

  /** Events read from `streamId` since the last reset. */
  eventsRead(streamId: string): number {
    return this.counts.get(streamId) ?? 0;
  }

  reset(): void {
    this.counts.clear();
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(streamId, events, expected);
  }

  async *readStream(streamId: string, options?: { fromRevision?: bigint }): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readStream(streamId, options)) {
      this.count(streamId);
      yield event;
    }
  }

  async readLastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    const last = await this.inner.readLastEvent(streamId);
    if (last !== undefined) this.count(streamId);
    return last;
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  subscribe(options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  verifyChains(): Promise<ChainReport> {
    return this.inner.verifyChains();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private count(streamId: string): void {
    this.counts.set(streamId, this.eventsRead(streamId) + 1);
  }
}
