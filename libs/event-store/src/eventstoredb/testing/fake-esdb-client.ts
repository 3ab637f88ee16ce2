import {
  ANY,
  BACKWARDS,
  END,
  START,
  StreamNotFoundError,
  UnavailableError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type EventType,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type StreamingRead,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';
import type { EsdbClient } from '../eventstoredb-reads';
import { esdbErrors } from './fake-esdb-faults';
import { FakeStreamingRead } from './fake-esdb-readables';
import { toAllResolved, toStreamResolved, type StoredRecord } from './fake-esdb-records';
import { FakeEsdbServer } from './fake-esdb-server';

/**
 * An in-memory stand-in for the calls of `EventStoreDBClient` the adapter makes, with
 * the server's semantics (see FakeEsdbServer). Several clients may share one server, so
 * a test can "reopen" the store on the same data after `dispose()`.
 */
export class FakeEsdbClient implements EsdbClient {
  private disposed = false;

  constructor(readonly server: FakeEsdbServer = new FakeEsdbServer()) {}

  async appendToStream<K extends EventType = EventType>(
    streamName: string,
    events: EventData<K> | EventData<K>[],
    options?: AppendToStreamOptions,
  ): Promise<AppendResult> {
    // A network round trip: concurrent callers interleave between their reads and writes.
    await new Promise((resolve) => setImmediate(resolve));
    this.assertOpen();
    const batch: readonly EventData[] = Array.isArray(events) ? events : [events];
    return this.server.append(streamName, batch, options?.expectedRevision ?? ANY);
  }

  readStream<K extends EventType = EventType>(streamName: string, options: ReadStreamOptions = {}): StreamingRead<ResolvedEvent<K>> {
    const records = this.server.streamRecords(streamName);
    const readFault = this.server.takeReadFault();
    const failure = this.disposed
      ? this.disposedError()
      : readFault !== undefined
        ? readFault
        : this.server.isDeleted(streamName)
        ? esdbErrors.streamDeleted(streamName)
        : records === undefined
          ? new StreamNotFoundError(undefined, streamName)
          : undefined;
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const picked = pickStream(records ?? [], options, maxCount).map(toStreamResolved);
    return new FakeStreamingRead(picked as ResolvedEvent<K>[], failure);
  }

  readAll(options: ReadAllOptions = {}): StreamingRead<AllStreamResolvedEvent> {
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const from = options.fromPosition ?? START;
    const log = this.server.allRecords();
    let picked: StoredRecord[];
    if (options.direction === BACKWARDS) {
      // Backwards from a position is exclusive of the record at it; from END it starts with the last.
      const before = from === END ? undefined : from === START ? 0n : from.commit;
      picked = log.filter((r) => before === undefined || r.position < before).reverse();
    } else {
      // Forwards from a position includes the record stored at it.
      picked = from === END ? [] : log.filter((r) => from === START || r.position >= from.commit);
    }
    const failure = this.disposed ? this.disposedError() : this.invalidStart(from) ? esdbErrors.invalidPosition() : undefined;
    return new FakeStreamingRead(picked.slice(0, maxCount).map(toAllResolved), failure);
  }

  /** Catch-up then live; a subscription starts strictly after `fromPosition`. */
  subscribeToAll(options: SubscribeToAllOptions = {}): AllStreamSubscription {
    this.assertOpen();
    const from = options.fromPosition ?? START;
    const after = from === START ? -1n : from === END ? (this.server.allRecords().at(-1)?.position ?? -1n) : from.commit;
    const subscription = this.server.subscribe(after, options.filter);
    // The server refuses a start that is not a record's position once the call is running.
    if (this.invalidStart(from)) setImmediate(() => subscription.fail(esdbErrors.invalidPosition()));
    return subscription as unknown as AllStreamSubscription;
  }

  /** $all positions must address a record (P + 1 is refused, AllReader). */
  private invalidStart(from: ReadAllOptions['fromPosition']): boolean {
    return from !== undefined && from !== START && from !== END && !this.server.hasRecordAt(from.commit);
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }

  private assertOpen(): void {
    if (this.disposed) throw this.disposedError();
  }

  private disposedError(): UnavailableError {
    return new UnavailableError(undefined, 'FakeEsdbClient was disposed');
  }
}

/** A stream read: forwards from a revision (inclusive), or backwards from one (inclusive) or from END. */
function pickStream(records: readonly StoredRecord[], options: ReadStreamOptions, maxCount: number): StoredRecord[] {
  const from = options.fromRevision ?? START;
  if (options.direction === BACKWARDS) {
    const top = from === END ? records.length - 1 : from === START ? 0 : Math.min(Number(from), records.length - 1);
    return records.slice(Math.max(0, top - maxCount + 1), top + 1).reverse();
  }
  const start = from === START ? 0 : from === END ? records.length : Number(from);
  return records.slice(start, start + maxCount);
}
