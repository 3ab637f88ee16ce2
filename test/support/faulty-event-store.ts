import {
  AppendOutcomeUnknownError,
  StoreUnavailableError,
  type AppendResult,
  type ChainReport,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@vigie/event-store';

/**
 * An event store wrapper for end-to-end tests that plays what a cluster does to a
 * process: an append committed whose acknowledgement is lost (the log unreachable for a
 * moment after it), and a projection feed that stalls (a worker down or lagging).
 */
export class FaultyEventStore implements EventStore {
  private lostAcks: { prefix: string; failingReads: number }[] = [];
  private failingReads = 0;
  private stalled = false;
  private resume: (() => void)[] = [];

  constructor(private readonly inner: EventStore) {}

  get kind(): EventStore['kind'] {
    return this.inner.kind;
  }

  /** The next append to a stream starting with `prefix` is stored, then reported as unknown. */
  loseNextAck(prefix: string, failingReads = 1): void {
    this.lostAcks.push({ prefix, failingReads });
  }

  /** Subscriptions deliver nothing more until `resumeFeed()`: the read models lag. */
  stallFeed(): void {
    this.stalled = true;
  }

  resumeFeed(): void {
    this.stalled = false;
    for (const wake of this.resume.splice(0)) wake();
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const fault = this.lostAcks.findIndex((f) => streamId.startsWith(f.prefix));
    const result = await this.inner.append(streamId, events, expected);
    if (fault < 0 || events.length === 0) return result;
    const [lost] = this.lostAcks.splice(fault, 1);
    this.failingReads = lost?.failingReads ?? 0;
    throw new AppendOutcomeUnknownError(streamId, 'deadline exceeded (test)');
  }

  async *readStream(streamId: string, options?: { fromRevision?: bigint }): AsyncIterable<RecordedEvent> {
    this.failIfUnreachable(streamId);
    yield* this.inner.readStream(streamId, options);
  }

  async readLastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    this.failIfUnreachable(streamId);
    return this.inner.readLastEvent(streamId);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  subscribe(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribe(options);
    const gate = async (): Promise<void> => {
      while (this.stalled) await new Promise<void>((resolve) => this.resume.push(resolve));
    };
    return {
      close: () => {
        this.resumeFeed();
        return inner.close();
      },
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) {
          await gate();
          yield event;
        }
      },
    };
  }

  /** The reads that follow a lost acknowledgement fail too: the log is unreachable for a moment. */
  private failIfUnreachable(streamId: string): void {
    if (this.failingReads > 0) {
      this.failingReads--;
      throw new StoreUnavailableError(`${streamId} unreachable (test)`);
    }
  }

  verifyChains(): Promise<ChainReport> {
    return this.inner.verifyChains();
  }

  close(): Promise<void> {
    this.resumeFeed();
    return this.inner.close();
  }
}
