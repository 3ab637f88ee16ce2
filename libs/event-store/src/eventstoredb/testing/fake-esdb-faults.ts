import { DeadlineExceededError, NotLeaderError, StreamDeletedError, UnknownError, type EventData } from '@eventstore/db-client';

/**
 * Failures a real cluster produces, built the way the 6.2.1 client builds them from a
 * gRPC status (so `instanceof` and the fields the adapter reads are the real ones).
 */
export const esdbErrors = {
  /** The client's deadline passed: the server may or may not have written (StorageWriterService acks later). */
  deadlineExceeded: (): DeadlineExceededError => new DeadlineExceededError(undefined, 'Deadline exceeded'),
  /** A follower answered: it wrote nothing and names the leader. */
  notLeader: (host = '127.0.0.2', port = 2113): NotLeaderError => {
    // The gRPC trailers the client reads the leader's endpoint from.
    const map = { exception: 'not-leader', 'leader-endpoint-host': host, 'leader-endpoint-port': String(port) };
    return new NotLeaderError({ code: 5, details: 'Not leader', message: 'Not leader', metadata: { getMap: () => map } } as never);
  },
  streamDeleted: (streamName: string): StreamDeletedError => StreamDeletedError.fromStreamName(streamName),
  /**
   * ReadResponseException.InvalidPosition: the server has no exception name for it that
   * the 6.2.1 client knows, so the client surfaces an UnknownError carrying the detail.
   */
  invalidPosition: (): UnknownError => new UnknownError(undefined, 'Invalid position.'),
};

/** The next append: written or not, then the client call fails with `error`. */
export interface PlannedAppendFault {
  /** True: the events are stored before the failure (the ambiguous case). */
  readonly commit: boolean;
  readonly error: Error;
  /** Stream reads that fail with the same error right after (the node stays unreachable a moment). */
  readonly failingReads?: number;
}

/**
 * The size the server counts against `--max-append-size` (Streams.Append adds up each
 * proposed message's data and metadata; type and id are counted too, as bytes).
 */
export function appendSize(events: readonly EventData[]): number {
  let size = 0;
  for (const event of events) {
    const data = event.contentType === 'application/json' ? JSON.stringify(event.data) : Buffer.from(event.data as Uint8Array).toString('latin1');
    size += Buffer.byteLength(data) + Buffer.byteLength(JSON.stringify(event.metadata ?? {})) + Buffer.byteLength(event.type) + 16;
  }
  return size;
}

/** 1 MiB: the default `MaxAppendSize` of servers up to 25.0. */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;
