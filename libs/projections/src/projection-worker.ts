import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from './projection';
import { SqliteProjectionTx } from './projection-tx';
import { RecordingTx, type RecordedPart, type SqlIds } from './recording-tx';
import type { ProjectionStateRow } from './projection-state.table';
import type { ProjectionBackend } from './projection-backend';

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

/** What names the event a fold failed on. */
type FailedEvent = Pick<RecordedEvent, 'position' | 'eventId' | 'type'>;

export class ApplyError extends Error {
  constructor(
    readonly event: FailedEvent,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * One projection's state and fold; a feed (shared reader) hands it batches. Events it
 * does not handle still move its checkpoint, so the checkpoint is the exact position the
 * projection reflects: lag = head - checkpoint, and waitFor needs no look-up of "is there
 * an event of interest in between".
 */
export class ProjectionWorker {
  private row: ProjectionStateRow | undefined;
  private phase: ProjectionPhase = 'stopped';
  private failure: ProjectionFailure | undefined;
  /** Past the checkpoint while a writer thread has batches of this projection in flight. */
  private fedUpTo = 0n;
  private readonly handles: ReadonlySet<string>;
  private readonly tx: SqliteProjectionTx | undefined;
  private recording: RecordingTx | undefined;
  /** Set when a fold threw: the projection takes no more batches, committed or in flight. */
  private halted = false;

  constructor(
    readonly projection: Projection,
    private readonly backend: ProjectionBackend,
    private readonly logger: ProjectionLogger,
    private readonly onProgress: () => void,
  ) {
    this.handles = new Set(projection.handles);
    this.tx = backend.sqlite && new SqliteProjectionTx(backend.sqlite, projection, projection.version);
  }

  get state(): ProjectionStateRow | undefined {
    return this.row ?? this.backend.peek(this.projection.name);
  }

  get currentPhase(): ProjectionPhase {
    return this.phase;
  }

  get currentFailure(): ProjectionFailure | undefined {
    return this.failure;
  }

  /** The last position applied to the version being fed. */
  get checkpoint(): bigint {
    return this.row?.checkpoint ?? 0n;
  }

  get rebuilding(): boolean {
    return this.row !== undefined && this.row.version !== this.row.activeVersion;
  }

  /** Creates or resumes the fed version's tables; false when that failed (the worker is then failed). */
  async prepare(): Promise<boolean> {
    try {
      this.row = await this.backend.prepare(this.projection);
    } catch (error) {
      this.fail(error); // bad DDL in one projection must not keep the others from starting
      return false;
    }
    this.phase = this.rebuilding ? 'rebuilding' : 'running';
    this.fedUpTo = this.row.checkpoint;
    return true;
  }

  /** The last position folded, committed or not: where the next batch starts for this projection. */
  get fed(): bigint {
    return this.fedUpTo;
  }

  /**
   * Folds the events of the batch after what this projection was fed and moves the
   * checkpoint to the batch's end. Runs inside the feed's transaction, in a savepoint of
   * its own, so a throw undoes this projection's part only. False when nothing was new.
   */
  apply(batch: readonly RecordedEvent[]): boolean {
    const sqlite = this.backend.sqlite;
    if (!this.tx || !sqlite) throw new Error('Batches apply in place on a SQLite read store only');
    const last = this.fold(batch, this.tx);
    if (last === undefined) return false;
    sqlite.state.advance(this.projection.name, this.projection.version, last);
    return true;
  }

  /** The same fold, recorded for the writer thread; undefined when nothing was new. */
  record(batch: readonly RecordedEvent[], sqlIds: SqlIds): RecordedPart | undefined {
    const recording = (this.recording ??= new RecordingTx(this.projection, sqlIds));
    recording.begin(batch[batch.length - 1].position);
    return this.fold(batch, recording, recording) === undefined ? undefined : recording.end();
  }

  private fold(batch: readonly RecordedEvent[], tx: ProjectionTx, recording?: RecordingTx): bigint | undefined {
    const from = this.fedUpTo;
    const last = batch[batch.length - 1].position;
    if (last <= from || this.halted) return undefined;
    let i = 0;
    while (batch[i].position <= from) i++; // a shared reader may start behind this projection
    const { projection, handles } = this;
    for (; i < batch.length; i++) {
      const event = batch[i];
      if (!handles.has(event.type)) continue;
      if (recording) recording.eventIndex = i;
      try {
        projection.apply(event, tx);
      } catch (error) {
        this.halted = true;
        throw new ApplyError(event, error);
      }
    }
    this.fedUpTo = last;
    return last;
  }

  /** The feed's transaction committed up to `last`. */
  committed(last: bigint): void {
    const row = this.row as ProjectionStateRow;
    const active = row.version === row.activeVersion;
    this.row = { ...row, checkpoint: last, activeCheckpoint: active ? last : row.activeCheckpoint };
  }

  /** A rebuild that reached the head takes over from the old version. */
  async switchIfCaughtUp(head: bigint): Promise<void> {
    if (!this.rebuilding || !this.row || this.row.checkpoint < head) return;
    const old = this.row.activeVersion;
    this.row = await this.backend.activate(this.projection.name);
    this.phase = 'running';
    this.logger.log(`Projection ${this.projection.name}: v${this.row.version} caught up, v${old} dropped`);
    this.onProgress();
  }

  stopped(): void {
    if (this.phase !== 'failed') this.phase = 'stopped';
  }

  fail(error: unknown): void {
    if (this.phase === 'failed') return;
    this.halted = true;
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
    this.onProgress();
  }
}
