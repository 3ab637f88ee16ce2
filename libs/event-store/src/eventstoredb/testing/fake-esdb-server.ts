import { randomUUID } from 'node:crypto';
import {
  ANY,
  MaxAppendSizeExceededError,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type Filter,
} from '@eventstore/db-client';
import { appendSize, DEFAULT_MAX_APPEND_SIZE, esdbErrors, type PlannedAppendFault } from './fake-esdb-faults';
import { FakeAllSubscription, type PlannedDrop, type SubscriptionSeam } from './fake-esdb-readables';
import type { StoredRecord } from './fake-esdb-records';

/** Log positions are byte offsets in the real server: far apart, strictly increasing. */
const POSITION_STEP = 100n;
const CREATED_EPOCH_MS = Date.UTC(2025, 0, 1);

export interface FakeEsdbServerOptions {
  /** Writes a `$statsCollected` event every this many appends (0: never), as a node does periodically. */
  readonly statsEvery?: number;
  /** Bytes per append request (`MaxAppendSize`); 1 MiB by default as on servers up to 25.0. */
  readonly maxAppendSize?: number;
}

/**
 * The state of one EventStoreDB node, shared by every FakeEsdbClient connected to it:
 * the transaction log ($all), the streams and the live subscriptions. It starts with the
 * system events a fresh node writes, so adapters must filter `$…` out of $all.
 */
export class FakeEsdbServer implements SubscriptionSeam {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly live = new Set<FakeAllSubscription>();
  private readonly plannedDrops: PlannedDrop[] = [];
  private readonly plannedFaults: PlannedAppendFault[] = [];
  private readonly deleted = new Set<string>();
  private readonly readFaults: Error[] = [];
  /**
   * The leader's in-memory cache of recent event ids (the only way `any` / `stream_exists`
   * retries are recognised): it does not survive a restart or a leader change.
   */
  private recentIds = new Map<string, { readonly streamName: string; readonly index: number }>();
  private appends = 0;
  /** Every `fromPosition` asked of subscribeToAll, as a commit position (-1n for START). */
  readonly subscriptionStarts: bigint[] = [];

  constructor(private readonly options: FakeEsdbServerOptions = {}) {
    this.writeSystem('$settings', 'update-default-acl');
    this.writeSystem('$stats-127.0.0.1:2113', '$statsCollected');
    this.writeSystem('$$$scavenges', '$metadata');
    this.writeRecords('$ce-request', [{ id: randomUUID(), type: '$>', data: { kind: 'binary', bytes: new TextEncoder().encode('0@request-1') }, metadata: undefined }]);
  }

  /** The next subscription opened delivers `afterEvents` events, then breaks with `error`. */
  planSubscriptionDrop(drop: PlannedDrop): void {
    this.plannedDrops.push(drop);
  }

  /** Breaks every live subscription, as a node restart would. */
  dropAllSubscriptions(error: Error): void {
    for (const subscription of [...this.live]) subscription.fail(error);
  }

  /** The next append is written (or not) and then fails, as a timeout or a leader change does. */
  planAppendFault(fault: PlannedAppendFault): void {
    this.plannedFaults.push(fault);
  }

  /** The next `count` stream reads fail with `error` (the node cannot be reached meanwhile). */
  planReadFaults(count: number, error: Error): void {
    for (let i = 0; i < count; i++) this.readFaults.push(error);
  }

  /** Consumed by every stream read of the clients. */
  takeReadFault(): Error | undefined {
    return this.readFaults.shift();
  }

  /** A node restart or a new leader: the id cache is gone and every subscription breaks. */
  restart(error: Error): void {
    this.recentIds = new Map();
    this.dropAllSubscriptions(error);
  }

  /** `$tombstone`: the stream can never be read nor written again. */
  tombstone(streamName: string): void {
    this.deleted.add(streamName);
  }

  isDeleted(streamName: string): boolean {
    return this.deleted.has(streamName);
  }

  /** True when a record of the log ($all, system ones included) sits exactly at `position`. */
  hasRecordAt(position: bigint): boolean {
    return this.recordAfter(position - 1n)?.position === position;
  }

  append(streamName: string, events: readonly EventData[], expected: AppendExpectedRevision): AppendResult {
    const fault = this.plannedFaults.shift();
    if (fault === undefined) return this.appendNow(streamName, events, expected);
    if (fault.commit) this.appendNow(streamName, events, expected);
    this.planReadFaults(fault.failingReads ?? 0, fault.error);
    throw fault.error;
  }

  private appendNow(streamName: string, events: readonly EventData[], expected: AppendExpectedRevision): AppendResult {
    if (this.deleted.has(streamName)) throw esdbErrors.streamDeleted(streamName);
    const maxAppendSize = this.options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
    if (appendSize(events) > maxAppendSize) throw MaxAppendSizeExceededError.fromMaxAppendSize(maxAppendSize);
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.at(-1)?.revision;
    const retried = this.idempotentRetry(streamName, stream, events, expected);
    // Acknowledged without writing, with the original revision and the $all position of the batch's last event.
    if (retried !== undefined) {
      const last = stream[Number(retried)] as StoredRecord;
      return { success: true, nextExpectedRevision: retried, position: { commit: last.position, prepare: last.position } };
    }
    const ok =
      expected === ANY ||
      (expected === NO_STREAM && current === undefined) ||
      (expected === STREAM_EXISTS && current !== undefined) ||
      (typeof expected === 'bigint' && expected === current);
    if (!ok) throw this.wrongVersion(streamName, expected, current);
    if (events.length === 0) return { success: true, nextExpectedRevision: current ?? -1n, position: undefined };
    const last = this.writeRecords(
      streamName,
      events.map((e) => ({
        id: e.id,
        type: e.type,
        data: e.contentType === 'application/json' ? { kind: 'json', text: JSON.stringify(e.data) } : { kind: 'binary', bytes: new Uint8Array(e.data) },
        metadata: e.metadata === undefined ? undefined : JSON.stringify(e.metadata),
      })),
    );
    events.forEach((e, i) => this.recentIds.set(e.id, { streamName, index: Number(last.revision) - events.length + 1 + i }));
    this.appends++;
    const every = this.options.statsEvery ?? 0;
    if (every > 0 && this.appends % every === 0) this.writeSystem('$stats-127.0.0.1:2113', '$statsCollected');
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position, prepare: last.position } };
  }

  streamRecords(streamName: string): readonly StoredRecord[] | undefined {
    return this.streams.get(streamName);
  }

  allRecords(): readonly StoredRecord[] {
    return this.log;
  }

  subscribe(after: bigint, filter: Filter | undefined): FakeAllSubscription {
    this.subscriptionStarts.push(after);
    const subscription = new FakeAllSubscription(this, after, filter, this.plannedDrops.shift());
    this.live.add(subscription);
    return subscription;
  }

  recordAfter(after: bigint): StoredRecord | undefined {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.log[mid] as StoredRecord).position <= after) low = mid + 1;
      else high = mid;
    }
    return this.log[low];
  }

  detach(subscription: FakeAllSubscription): void {
    this.live.delete(subscription);
  }

  /**
   * EventStoreDB's idempotency check (IndexWriter): with an exact revision or no_stream the
   * index is read at expected + 1, wherever the stream has gone since; with any /
   * stream_exists only the id cache answers, so after a restart the batch is written again.
   * A partial match is a wrong expected version.
   */
  private idempotentRetry(streamName: string, stream: readonly StoredRecord[], events: readonly EventData[], expected: AppendExpectedRevision): bigint | undefined {
    const first = events[0];
    if (first === undefined) return undefined;
    let start: number;
    if (expected === NO_STREAM) start = 0;
    else if (typeof expected === 'bigint') start = Number(expected) + 1;
    else {
      const cached = this.recentIds.get(first.id);
      start = cached?.streamName === streamName ? cached.index : -1;
    }
    if (start < 0 || stream[start]?.id !== first.id) return undefined;
    const matched = events.every((e, i) => stream[start + i]?.id === e.id);
    if (!matched) throw this.wrongVersion(streamName, expected, stream.at(-1)?.revision);
    return BigInt(start + events.length - 1);
  }

  private wrongVersion(streamName: string, expected: AppendExpectedRevision, current: bigint | undefined): WrongExpectedVersionError {
    return new WrongExpectedVersionError(undefined, { streamName, expected, current: current ?? NO_STREAM });
  }

  private writeSystem(streamName: string, type: string): void {
    this.writeRecords(streamName, [{ id: randomUUID(), type, data: { kind: 'json', text: '{"system":true}' }, metadata: undefined }]);
  }

  private writeRecords(streamName: string, records: readonly Pick<StoredRecord, 'id' | 'type' | 'data' | 'metadata'>[]): StoredRecord {
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    let stored: StoredRecord | undefined;
    for (const record of records) {
      const position = (this.log.at(-1)?.position ?? 0n) + POSITION_STEP;
      stored = {
        ...record,
        streamId: streamName,
        revision: BigInt(stream.length),
        position,
        created: new Date(CREATED_EPOCH_MS + this.log.length),
      };
      stream.push(stored);
      this.log.push(stored);
    }
    for (const subscription of [...this.live]) subscription.notify();
    if (stored === undefined) throw new Error('a write needs at least one record');
    return stored;
  }
}
