/**
 * The EventStore port: the only way the rest of Vigie touches the log.
 * Both adapters (embedded SQLite, EventStoreDB) pass the same contract suite.
 */

/** Optimistic concurrency: what the caller believes the stream looks like. */
export type ExpectedRevision = 'no-stream' | 'any' | 'stream-exists' | bigint;

export type JsonObject = { readonly [key: string]: unknown };

/** What a writer hands to the store. `metadata.hash` is set by the store, never by callers. */
export interface EventToAppend {
  readonly eventId: string; // UUID, generated at the edge so a retry is recognisable
  readonly type: string; // PascalCase, frozen forever
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** An event as stored. `metadata.hash` is its link in the stream's hash chain. */
export interface RecordedEvent {
  readonly streamId: string;
  readonly revision: bigint; // 0-based within the stream
  readonly position: bigint; // global order, strictly increasing, > 0
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject & { readonly hash: string };
}

export interface AppendResult {
  /** Revision of the last event written (the stream's current revision). */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event written. */
  readonly position: bigint;
  /**
   * True when this append stored its events, as given, at the revisions it expected:
   * the caller may then skip reading them back. False when it acknowledged a retry of
   * events already stored; absent when the adapter does not say (read them back).
   */
  readonly written?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted or 0n: from the start. */
  readonly after?: bigint;
  readonly maxCount?: number;
  /**
   * Only the events that match, as a subscription's filter does (positions stay the log's).
   * Meant for few events in a long log (the principal streams): SQLite finds them through
   * the stream index instead of reading every event.
   */
  readonly filter?: SubscriptionFilter;
}

export interface SubscriptionFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events strictly after it. Omitted or 0n: from the start. */
  readonly after?: bigint;
  readonly filter?: SubscriptionFilter;
}

/**
 * Catch-up then live: yields every matching event after the checkpoint, in position
 * order, with no gap and no duplicate across the switch to live.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly firstBrokenStream?: string;
}

export interface EventStore {
  readonly kind: 'sqlite' | 'eventstoredb';
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** All events of a stream in revision order; an unknown stream yields nothing. */
  readStream(streamId: string, options?: { fromRevision?: bigint }): AsyncIterable<RecordedEvent>;
  /**
   * The stream's event of highest revision, read backwards from its end: one event
   * whatever the stream's length. Undefined for an unknown stream.
   */
  readLastEvent(streamId: string): Promise<RecordedEvent | undefined>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Position of the last event in the log, 0n when empty. */
  headPosition(): Promise<bigint>;
  subscribe(options?: SubscribeOptions): Subscription;
  verifyChains(): Promise<ChainReport>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
