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
