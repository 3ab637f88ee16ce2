import type { EventStore, RecordedEvent, Subscription } from '@vigie/event-store/event-store.port';
import { BatchReader } from './batch-reader';
import type { Projection } from './projection';
import { SqliteProjectionTx } from './projection-tx';
import type { ProjectionStateRow } from './projection-state.table';
import { activateFedVersion, prepareVersion } from './projection-versions';
import type { ReadStore } from './read-store';

export interface ProjectionLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

export type ProjectionPhase = 'stopped' | 'running' | 'rebuilding' | 'failed';

export interface ProjectionFailure {
  readonly message: string;
  /** The event whose fold threw; absent when the subscription itself failed. */
  readonly event?: { readonly position: bigint; readonly eventId: string; readonly type: string };
}

class ApplyError extends Error {
  constructor(
    readonly event: RecordedEvent,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * Feeds one projection. It subscribes to the whole log (no type filter) and skips the
 * types it does not handle while still moving its checkpoint, so the checkpoint is the
 * exact position the projection reflects: lag = head - checkpoint, and waitFor needs no
 * look-up of "is there an event of interest in between".
 */
export class ProjectionWorker {
  private row: ProjectionStateRow | undefined;
  private phase: ProjectionPhase = 'stopped';
  private failure: ProjectionFailure | undefined;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeStop: () => void = () => undefined;
  private readonly stopped = new Promise<undefined>((resolve) => (this.wakeStop = () => resolve(undefined)));
  private readonly handles: ReadonlySet<string>;
  private readonly tx: SqliteProjectionTx;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly batchSize: number,
    private readonly logger: ProjectionLogger,
    private readonly onProgress: () => void,
  ) {
    this.handles = new Set(projection.handles);
    this.tx = new SqliteProjectionTx(readStore, projection, projection.version);
  }

  get state(): ProjectionStateRow | undefined {
    return this.row ?? this.readStore.state.find(this.projection.name);
  }

  get currentPhase(): ProjectionPhase {
    return this.phase;
  }

  get currentFailure(): ProjectionFailure | undefined {
    return this.failure;
  }

  start(): void {
    try {
      this.row = prepareVersion(this.readStore, this.projection);
      this.subscription = this.store.subscribe({ after: this.row.checkpoint });
    } catch (error) {
      this.fail(error); // bad DDL in one projection must not keep the others from starting
      return;
    }
    this.phase = this.rebuilding ? 'rebuilding' : 'running';
    this.loop = this.run(this.subscription).catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeStop();
    await this.closeSubscription();
    await this.loop;
    if (this.phase !== 'failed') this.phase = 'stopped';
  }

  private get rebuilding(): boolean {
    return this.row !== undefined && this.row.version !== this.row.activeVersion;
  }

  private async run(subscription: Subscription): Promise<void> {
    const reader = new BatchReader(subscription[Symbol.asyncIterator]());
    await this.switchIfCaughtUp();
    while (!this.stopping) {
      const next = reader.next(this.batchSize);
      next.catch(() => undefined); // once stop() wins the race, a late error has no one to tell
      const batch = await Promise.race([next, this.stopped]);
      if (!batch || this.stopping) return;
      this.commit(batch);
      this.onProgress();
      await this.switchIfCaughtUp();
    }
  }

  /** One transaction per batch: the rows and the checkpoint commit together or not at all. */
  private commit(batch: readonly RecordedEvent[]): void {
    const { name, version } = this.projection;
    const last = batch[batch.length - 1].position;
    this.readStore.transaction(() => {
      for (const event of batch) {
        if (!this.handles.has(event.type)) continue;
        try {
          this.projection.apply(event, this.tx);
        } catch (error) {
          throw new ApplyError(event, error);
        }
      }
      this.readStore.state.advance(name, version, last);
    });
    const row = this.row as ProjectionStateRow;
    const active = row.version === row.activeVersion;
    this.row = { ...row, checkpoint: last, activeCheckpoint: active ? last : row.activeCheckpoint };
  }

  /** A rebuild that reached the head takes over from the old version. */
  private async switchIfCaughtUp(): Promise<void> {
    if (!this.rebuilding || !this.row) return;
    const head = await this.store.headPosition();
    if (this.stopping || this.row.checkpoint < head) return;
    const old = this.row.activeVersion;
    this.row = activateFedVersion(this.readStore, this.projection.name);
    this.phase = 'running';
    this.logger.log(`Projection ${this.projection.name}: v${this.row.version} caught up, v${old} dropped`);
    this.onProgress();
  }

  private async closeSubscription(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  private fail(error: unknown): void {
    if (this.stopping) return; // a subscription torn down by stop() is not a failure
    const { name, version } = this.projection;
    this.failure =
      error instanceof ApplyError
        ? {
            message: error.message,
            event: { position: error.event.position, eventId: error.event.eventId, type: error.event.type },
          }
        : { message: error instanceof Error ? error.message : String(error) };
    this.phase = 'failed';
    const at = this.failure.event ? ` at position ${this.failure.event.position} (${this.failure.event.type})` : '';
    this.logger.error(`Projection ${name} v${version} stopped${at}: ${this.failure.message}`, error);
    this.closeSubscription().catch((e: unknown) => this.logger.error(`Projection ${name}: close failed`, e));
    this.onProgress();
  }
}
