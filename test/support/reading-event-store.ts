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

/** An event store wrapper that keeps every event its readers were handed (reads and subscriptions). */
export class ReadingEventStore implements EventStore {
  /** The events handed out, in the order they were, whoever read them. */
  readonly handedOut: RecordedEvent[] = [];

  constructor(private readonly inner: EventStore) {}

  /** Events of `streamId` handed out since the last reset: what a decision costs in events read, whatever the machine. */
  eventsRead(streamId: string): number {
    return this.handedOut.filter((e) => e.streamId === streamId).length;
  }

  reset(): void {
    this.handedOut.length = 0;
  }

  get kind(): EventStore['kind'] {
    return this.inner.kind;
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(streamId, events, expected);
  }

  readStream(streamId: string, options?: { fromRevision?: bigint }): AsyncIterable<RecordedEvent> {
    return this.keep(this.inner.readStream(streamId, options));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.keep(this.inner.readAll(options));
  }

  async readLastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    const last = await this.inner.readLastEvent(streamId);
    if (last !== undefined) this.handedOut.push(last);
    return last;
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  subscribe(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribe(options);
    const kept = this.keep(inner);
    return { close: () => inner.close(), [Symbol.asyncIterator]: () => kept[Symbol.asyncIterator]() };
  }

  verifyChains(): Promise<ChainReport> {
    return this.inner.verifyChains();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private keep(source: AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    const handedOut = this.handedOut;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const event of source) {
          handedOut.push(event);
          yield event;
        }
      },
    };
  }
}
