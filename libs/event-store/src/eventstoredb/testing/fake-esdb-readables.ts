import { Readable } from 'node:stream';
import type { AllStreamResolvedEvent, Filter } from '@eventstore/db-client';
import { matchesServerFilter, toAllResolved, type StoredRecord } from './fake-esdb-records';

/** A finished read (readStream / readAll): pushes a snapshot lazily, or fails on first read. */
export class FakeStreamingRead<E> extends Readable {
  private next = 0;

  constructor(
    private readonly items: readonly E[],
    private readonly failure?: Error,
  ) {
    super({ objectMode: true });
  }

  override _read(): void {
    // The real client reports a missing stream as an error of the read, not of the call.
    if (this.failure !== undefined) {
      this.destroy(this.failure);
      return;
    }
    for (;;) {
      if (this.next >= this.items.length) {
        this.push(null);
        return;
      }
      if (!this.push(this.items[this.next++])) return;
    }
  }

  cancel(): Promise<void> {
    this.destroy();
    return Promise.resolve();
  }
}

/** Where a subscription stands and what the server asks it to do. */
export interface SubscriptionSeam {
  /** The first record whose position is strictly greater than `after`, if any. */
  recordAfter(after: bigint): StoredRecord | undefined;
  detach(subscription: FakeAllSubscription): void;
}

/** A planned drop: deliver this many events, then fail like a broken gRPC call. */
export interface PlannedDrop {
  readonly afterEvents: number;
  readonly error: Error;
}

/**
 * subscribeToAll: catch-up then live through the same cursor, so nothing is lost or
 * repeated between the two phases. Honours backpressure (stops pushing when the buffer
 * is full). Like the real client, `unsubscribe()` stops the call without ending the Readable.
 */
export class FakeAllSubscription extends Readable {
  private wanting = false;
  private stopped = false;
  private caughtUp = false;
  private delivered = 0;

  constructor(
    private readonly seam: SubscriptionSeam,
    private cursor: bigint,
    private readonly serverFilter: Filter | undefined,
    private readonly plannedDrop: PlannedDrop | undefined,
  ) {
    super({ objectMode: true });
    queueMicrotask(() => this.emit('confirmation'));
  }

  override _read(): void {
    this.wanting = true;
    this.pump();
  }

  /** Called by the server after every write. */
  notify(): void {
    if (this.wanting) this.pump();
  }

  /** Breaks the call as the network would. */
  fail(error: Error): void {
    if (this.destroyed) return;
    this.stopped = true;
    this.seam.detach(this);
    this.destroy(error);
  }

  unsubscribe(): Promise<void> {
    this.stopped = true;
    this.seam.detach(this);
    return new Promise((resolve) => setImmediate(resolve));
  }

  private pump(): void {
    while (this.wanting && !this.stopped) {
      if (this.plannedDrop !== undefined && this.delivered >= this.plannedDrop.afterEvents) {
        // Break once what was pushed has been emitted: the consumer saw exactly `afterEvents`.
        const { error } = this.plannedDrop;
        this.stopped = true;
        setImmediate(() => this.fail(error));
        return;
      }
      const record = this.seam.recordAfter(this.cursor);
      if (record === undefined) {
        if (!this.caughtUp) {
          this.caughtUp = true;
          this.emit('caughtUp');
        }
        return;
      }
      this.cursor = record.position;
      if (!matchesServerFilter(record, this.serverFilter)) continue;
      this.delivered++;
      const resolved: AllStreamResolvedEvent = toAllResolved(record);
      this.wanting = this.push(resolved);
    }
  }
}
