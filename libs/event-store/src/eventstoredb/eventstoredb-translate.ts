import {
  AccessDeniedError,
  ANY,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError as ClientStreamDeletedError,
  UnknownError,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  AppendOutcomeUnknownError,
  AppendTooLargeError,
  EventStoreError,
  InvalidPositionError,
  StoreUnavailableError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '../event-store.errors';
import type { ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';

/**
 * Pure translations between the port and @eventstore/db-client v6. The client appears
 * nowhere else in Vigie (one place for all of it): keep every mapping here and unit-tested.
 */

/** Largest uint64: servers before 22.6 report it when a stream read does not know the position. */
const UNKNOWN_POSITION = 0xffff_ffff_ffff_ffffn;

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'any':
      return ANY;
    case 'stream-exists':
      return STREAM_EXISTS;
    default: {
      // Compile-time exhaustiveness: a new string member would not be assignable to bigint.
      const revision: bigint = expected;
      return revision;
    }
  }
}

/** The client reports a missing stream as the string "no_stream" (or -1 on old servers). */
export function toActualRevision(actual: CurrentRevision | undefined): bigint | 'no-stream' {
  return typeof actual === 'bigint' && actual >= 0n ? actual : 'no-stream';
}

export function isClientWrongExpectedVersion(error: unknown): error is ClientWrongExpectedVersionError {
  return error instanceof ClientWrongExpectedVersionError;
}

/**
 * Client errors of an append -> port errors; anything unknown is passed through untouched.
 * A follower answering NotLeader wrote nothing; a deadline, a timeout, a broken or
 * cancelled call leave the outcome unknown (the leader may have committed and replicated
 * the batch, or may drop a retry that arrives before the original is replicated).
 */
export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision, sizeBytes = 0): unknown {
  if (error instanceof ClientWrongExpectedVersionError) {
    return new WrongExpectedVersionError(streamId, expected, toActualRevision(error.actualVersion));
  }
  if (error instanceof MaxAppendSizeExceededError) return new AppendTooLargeError(streamId, sizeBytes, error.maxAppendSize);
  if (error instanceof ClientStreamDeletedError) return new StreamDeletedError(streamId);
  if (error instanceof NotLeaderError) return new StoreUnavailableError(`EventStoreDB unavailable: ${error.message}`);
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError
  ) {
    return new AppendOutcomeUnknownError(streamId, `EventStoreDB: ${error.message}`);
  }
  return error;
}

/** `ReadResponseException.InvalidPosition` reaches the 6.2.1 client as an UnknownError naming it. */
export function isInvalidPosition(error: unknown): boolean {
  return error instanceof UnknownError && /invalid position/i.test(error.message);
}

/** Client errors of a read -> port errors. */
export function toReadError(error: unknown, position: bigint): unknown {
  if (isInvalidPosition(error)) return new InvalidPositionError(position);
  if (error instanceof UnavailableError || error instanceof NotLeaderError || error instanceof DeadlineExceededError || error instanceof TimeoutError) {
    return new StoreUnavailableError(`EventStoreDB unavailable: ${error.message}`);
  }
  return error;
}

/**
 * Errors no resubscription can cure: the start position is refused, access is denied,
 * or $all holds an event this adapter cannot read (EventStoreError from toRecordedEvent).
 */
export function isPermanentSubscriptionError(error: unknown): boolean {
  return isInvalidPosition(error) || error instanceof AccessDeniedError || error instanceof EventStoreError;
}

/**
 * A port position is the commit position alone. Since EventStoreDB 20 every gRPC append
 * is an implicit transaction: each event is its own prepare record flagged IsCommitted,
 * and $all reports it with commit = prepare = that record's log position (AllReader /
 * StorageWriterService in the server). So commit positions are unique per event and
 * strictly increasing, and `{ commit: p, prepare: p }` addresses exactly the event at p.
 * Forward reads from it are inclusive, so callers skip `position <= after`.
 */
export function toReadPosition(after: bigint | undefined): ReadPosition {
  return after === undefined || after <= 0n ? START : { commit: after, prepare: after };
}

/** System streams and types start with `$`; Vigie never writes them and never reads them. */
export function isSystemEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): boolean {
  const recorded = resolved.event;
  if (recorded === undefined) return true; // a link whose target is gone: never ours (no resolveLinkTos)
  return recorded.streamId.startsWith('$') || recorded.type.startsWith('$');
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const recorded = resolved.event;
  if (recorded === undefined) throw new EventStoreError('EventStoreDB returned a link without its event');
  const position = recorded.position?.commit ?? resolved.commitPosition;
  if (position === undefined || position === UNKNOWN_POSITION) {
    throw new EventStoreError(`EventStoreDB did not report the position of ${recorded.id}: server 22.6 or later is required`);
  }
  if (!recorded.isJson || !isJsonObject(recorded.data)) {
    throw new EventStoreError(`Event ${recorded.id} in ${recorded.streamId} is not a JSON object`);
  }
  const metadata = isJsonObject(recorded.metadata) ? recorded.metadata : {};
  // A missing hash is kept visible as '' so that verifyChains reports the broken link.
  const hash = typeof metadata['hash'] === 'string' ? metadata['hash'] : '';
  return {
    streamId: recorded.streamId,
    revision: recorded.revision,
    position,
    eventId: recorded.id,
    type: recorded.type,
    data: recorded.data,
    metadata: { ...metadata, hash },
  };
}
