import type { EventStore, Subscription } from '@vigie/event-store/event-store.port';
import { BatchReader } from './batch-reader';
import { applyBatch, type BatchOutcome, writeBatch } from './batch-appliers';
import type { BatchWriter } from './read-store-writer';
import type { ProjectionLogger, ProjectionWorker } from './projection-worker';
import type { ReadStore } from './read-store';

/** Batches a writer thread may hold beyond the one being folded: enough to keep both threads busy. */
const MAX_IN_FLIGHT = 4;

/**
 * One subscription shared by several projections: the log is read and parsed once, and
 * each batch is applied to every member in one read-store transaction, with every
 * member's checkpoint. Members may start at different checkpoints: the reader starts at
 * the lowest and each member skips the events it already reflects. Each member's part
 * runs in its own savepoint, so a fold that throws undoes that member's part alone and
 * stops it; the others commit and go on. With a writer thread, the next batch is read
 * and folded while SQLite applies the previous one; outcomes are settled in log order.
 */
export class ProjectionFeed {
  private members: ProjectionWorker[];
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeStop: () => void = () => undefined;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    members: readonly ProjectionWorker[],
    private readonly store: EventStore,
    private readonly readStore: ReadStore | undefined,
    private readonly writer: BatchWriter | undefined,
    private readonly batchSize: number,
    private readonly logger: ProjectionLogger,
    private readonly onProgress: () => void,
  ) {
    this.members = [...members];
  }

  start(): void {
    let after = this.members[0].checkpoint;
    for (const m of this.members) if (m.checkpoint < after) after = m.checkpoint;
    try {
      this.subscription = this.store.subscribe({ after });
    } catch (error) {
      this.failAll(error);
      return;
    }
    this.loop = this.run(this.subscription).catch((error: unknown) => this.failAll(error));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeStop();
    await this.closeSubscription();
    await this.loop;
    for (const m of this.members) m.stopped();
  }

  private async run(subscription: Subscription): Promise<void> {
    const reader = new BatchReader(subscription[Symbol.asyncIterator]());
    const inFlight: Promise<void>[] = [];
    this.tail = this.switchCaughtUp();
    while (!this.stopping && this.members.length > 0) {
      const batch = await this.unlessStopped(reader.next(this.batchSize));
      if (!batch || this.stopping) break;
      // A member whose fold threw is halted at once (no more batches) and failed once the batches before it settle.
      const outcome = this.writer
        ? writeBatch(this.writer, this.members, batch)
        : applyBatch(this.readStore as ReadStore, this.members, batch);
      const last = batch[batch.length - 1].position;
      this.tail = this.tail
        .then(() => outcome)
        .then((settled) => this.settle(last, settled))
        .then(() => this.switchCaughtUp())
        .catch((error: unknown) => this.failAll(error));
      inFlight.push(this.tail);
      if (inFlight.length > MAX_IN_FLIGHT) await inFlight.shift();
    }
    await this.tail;
    if (this.members.length === 0) await this.closeSubscription(); // every member failed: nobody reads on
  }

  /**
   * The next batch, or undefined as soon as stop() is called. A fresh promise per wait:
   * racing every batch against one long-lived "stopped" promise would leave a reaction
   * on it per batch, each holding its batch, until the runner stops.
   */
  private unlessStopped<T>(next: Promise<T>): Promise<T | undefined> {
    return new Promise<T | undefined>((resolve, reject) => {
      this.wakeStop = () => resolve(undefined);
      // Once stop() has won, a late error has no one to tell: rejecting a settled promise is a no-op.
      next.then(resolve, reject);
    }).finally(() => (this.wakeStop = () => undefined));
  }

  /** The batch is committed: members move their checkpoints; the ones that failed stop alone. */
  private settle(last: bigint, outcome: BatchOutcome): void {
    for (const member of outcome.applied) member.committed(last);
    if (outcome.failed.length > 0) {
      const gone = new Set(outcome.failed.map(([member]) => member));
      this.members = this.members.filter((m) => !gone.has(m));
      for (const [member, error] of outcome.failed) member.fail(error);
    }
    this.onProgress();
  }

  /** Rebuilding members that reached the head take over from their old version. */
  private async switchCaughtUp(): Promise<void> {
    if (!this.members.some((m) => m.rebuilding)) return;
    const head = await this.store.headPosition();
    if (this.stopping) return;
    for (const m of [...this.members]) {
      try {
        await m.switchIfCaughtUp(head);
      } catch (error) {
        this.members = this.members.filter((other) => other !== m);
        m.fail(error);
      }
    }
  }

  private async closeSubscription(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  private failAll(error: unknown): void {
    if (this.stopping) return; // a subscription torn down by stop() is not a failure
    const members = this.members;
    this.members = [];
    for (const m of members) if (m.currentPhase !== 'failed') m.fail(error);
    this.closeSubscription().catch((e: unknown) => this.logger.error('Projection feed: close failed', e));
  }
}
