import { StoreClosedError, WrongExpectedVersionError, DuplicateEventError } from '@vigie/event-store/event-store.errors';
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
} from '@vigie/event-store/event-store.port';
import { chainHash, GENESIS_HASH } from '@vigie/event-store/hash-chain';
import { canonicalJson } from '@vigie/event-store/canonical-json';
import { matches, readLive } from './in-memory-log.reader';

/**
 * The EventStore port over an array, for tests. Positions start at 1; the hash chain
 * is the real one, so `verifyChains` means something. Not for production: no persistence.
 */
export class InMemoryEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private listeners = new Set<() => void>();
  private closed = false;

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];
    const replay = this.idempotentReplay(streamId, events);
    if (replay) return replay;
    const actual = stream.length === 0 ? 'no-stream' : BigInt(stream.length - 1);
    const ok =
      expected === 'any' ||
      (expected === 'no-stream' && actual === 'no-stream') ||
      (expected === 'stream-exists' && actual !== 'no-stream') ||
      (typeof expected === 'bigint' && actual === expected);
    if (!ok) throw new WrongExpectedVersionError(streamId, expected, actual);
    if (events.length === 0) {
      return { nextExpectedRevision: typeof actual === 'bigint' ? actual : -1n, position: this.head() };
    }
    let previous = stream.length > 0 ? stream[stream.length - 1].metadata.hash : GENESIS_HASH;
    for (const e of events) {
      const metadata = { ...e.metadata, hash: chainHash(previous, e.type, e.data, e.metadata) };
      const recorded: RecordedEvent = Object.freeze({
        streamId,
        revision: BigInt(stream.length),
        position: BigInt(this.log.length + 1),
        eventId: e.eventId,
        type: e.type,
        data: e.data,
        metadata,
      });
      previous = metadata.hash;
      stream.push(recorded);
      this.log.push(recorded);
      this.byId.set(e.eventId, recorded);
    }
    this.streams.set(streamId, stream);
    this.notify();
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async *readStream(streamId: string, options: { fromRevision?: bigint } = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const from = Number(options.fromRevision ?? 0n);
    for (const e of (this.streams.get(streamId) ?? []).slice(from)) yield e;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const start = Number(options.after ?? 0n);
    const end = options.maxCount === undefined ? undefined : start + options.maxCount;
    for (const e of this.log.slice(start, end)) yield e;
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.head();
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    let closed = false;
    let wake: () => void = () => undefined;
    const listener = (): void => wake();
    this.listeners.add(listener);
    const waitForAppend = (): Promise<void> => new Promise((resolve) => (wake = resolve));
    const iterable = readLive({
      after: options.after ?? 0n,
      at: (index) => this.log[index],
      isOpen: () => !closed && !this.closed,
      waitForAppend,
      keep: (e) => matches(e, options.filter),
    });
    return {
      [Symbol.asyncIterator]: () => iterable[Symbol.asyncIterator](),
      close: async () => {
        closed = true;
        this.listeners.delete(listener);
        wake();
      },
    };
  }

  async verifyChains(): Promise<ChainReport> {
    let events = 0;
    for (const [streamId, stream] of this.streams) {
      let previous = GENESIS_HASH;
      for (const e of stream) {
        events += 1;
        if (chainHash(previous, e.type, e.data, e.metadata) !== e.metadata.hash) {
          return { ok: false, streams: this.streams.size, events, firstBrokenStream: streamId };
        }
        previous = e.metadata.hash;
      }
    }
    return { ok: true, streams: this.streams.size, events };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.notify();
    this.listeners.clear();
  }

  /** Same ids appended again at the same place with the same content: answer as the first time. */
  private idempotentReplay(streamId: string, events: readonly EventToAppend[]): AppendResult | undefined {
    if (events.length === 0) return undefined;
    const first = this.byId.get(events[0].eventId);
    const stored = events.map((e) => this.byId.get(e.eventId));
    if (!first && stored.every((s) => !s)) return undefined;
    const same = stored.every(
      (s, i) =>
        s !== undefined &&
        s.streamId === streamId &&
        s.revision === (first as RecordedEvent).revision + BigInt(i) &&
        s.type === events[i].type &&
        canonicalJson(s.data) === canonicalJson(events[i].data),
    );
    if (!same) throw new DuplicateEventError(events.find((e) => this.byId.has(e.eventId))?.eventId ?? '');
    const last = stored[stored.length - 1] as RecordedEvent;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private head(): bigint {
    return BigInt(this.log.length);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
