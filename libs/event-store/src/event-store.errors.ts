import type { ExpectedRevision } from './event-store.port';

/** Typed errors of the port: adapters translate their client's errors into these. */
export class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** `actual` is the stream's current revision, or 'no-stream' when it does not exist. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no-stream',
  ) {
    super(`Wrong expected version on ${streamId}: expected ${String(expected)}, actual ${String(actual)}`);
  }
}

/** The same event id was appended again but not at the same place or with other content. */
export class DuplicateEventError extends EventStoreError {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already stored elsewhere`);
  }
}

export class StoreClosedError extends EventStoreError {
  constructor() {
    super('The event store is closed');
  }
}

export class StoreUnavailableError extends EventStoreError {}

/**
 * Another process held the log's write lock for longer than the busy timeout. Nothing of
 * the refused appends was written: sending the same append again is safe, and the
 * idempotent replay of its event ids makes a retry after an unseen success harmless too.
 */
export class StoreBusyError extends StoreUnavailableError {
  readonly retryable = true as const;

  constructor(detail: string) {
    super(`The event log is busy (another process holds its write lock): ${detail}`);
  }
}

/**
 * The append may or may not have been stored: the call timed out or the connection broke
 * after the request left (a server acknowledges only once the write is replicated). The
 * caller must neither assume failure (and undo side effects) nor success: sending the
 * same events again with the same ids finds out.
 */
export class AppendOutcomeUnknownError extends StoreUnavailableError {
  readonly ambiguous = true as const;

  constructor(readonly streamId: string, detail: string) {
    super(`The append to ${streamId} may or may not have been stored: ${detail}`);
  }
}

/** The batch is larger than the store takes in one append; nothing was written. */
export class AppendTooLargeError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(`An append of ${sizeBytes} bytes to ${streamId} exceeds the store's limit of ${limitBytes} bytes`);
  }
}

/** A position given to a read or a subscription is not the position of an event of this log. */
export class InvalidPositionError extends EventStoreError {
  constructor(readonly position: bigint) {
    super(`Position ${String(position)} is not the position of an event in this log`);
  }
}

/** The stream was deleted (tombstoned) in the store: it can be neither read nor written. */
export class StreamDeletedError extends EventStoreError {
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} was deleted`);
  }
}

/**
 * A subscription met an error that retrying cannot cure (an invalid start position,
 * denied access, an event that is not JSON): it stopped and will deliver nothing more.
 */
export class SubscriptionFailedError extends EventStoreError {
  constructor(readonly reason: unknown) {
    super(`The subscription stopped for good: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}
