import type { EventStore } from '@vigie/event-store/event-store.port';
import { physicalTableName, validateProjection, type Projection } from './projection';
import { projectionBackend, type ProjectionBackend } from './projection-backend';
import { ProjectionFeed } from './projection-feed';
import type { PgReadStore } from './postgres/pg-read-store';
import type { BatchWriter } from './read-store-writer';
import {
  ProjectionWorker,
  type ProjectionFailure,
  type ProjectionLogger,
  type ProjectionPhase,
} from './projection-worker';
import type { ReadStore } from './read-store';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  /** The SQLite read store, or the PostgreSQL one every replica shares. */
  readonly readStore: ReadStore | PgReadStore;
  readonly projections: readonly Projection[];
  /**
   * Most events applied in one transaction while catching up (default 10,000). Live,
   * batches hold what arrived in one turn; a rebuild's commits (WAL pages, checkpoint
   * syncs, one savepoint per projection) cost per batch, so fewer of them go faster.
   */
  readonly batchSize?: number;
  /**
   * Projections whose checkpoints lie within this many positions of each other share
   * one reader (default 50,000): the ones ahead wait that little for the ones behind,
   * rather than a fresh rebuild from 0 holding back the live ones for its whole length.
   */
  readonly shareWithin?: number;
  /**
   * Apply batches on a second connection in a worker thread (default: true for a file
   * read store; an in-memory one has no second connection). Folds then may only write:
   * a fold that reads its own tables needs `false`. Always a writer on PostgreSQL.
   */
  readonly writerThread?: boolean;
  readonly logger?: ProjectionLogger;
}

export interface ProjectionStatus {
  readonly name: string;
  /** The version being fed (the code's). */
  readonly version: number;
  /** The version queries read; older than `version` while a rebuild runs. */
  readonly activeVersion: number;
  readonly checkpoint: bigint;
  readonly activeCheckpoint: bigint;
  readonly phase: ProjectionPhase;
  readonly failure?: ProjectionFailure;
}

interface Waiter {
  readonly position: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

const DEFAULT_BATCH_SIZE = 10_000;
const DEFAULT_SHARE_WITHIN = 50_000;

/**
 * Runs every projection from its checkpoint on one read store. Projections at nearby
 * checkpoints share one reader of the log (a feed), so a rebuild reads and parses each
 * event once, not once per projection. On a file read store, a writer thread runs the
 * SQL of one batch while the next is read and folded.
 */
export class ProjectionRunner {
  private readonly workers: readonly ProjectionWorker[];
  private readonly waiters = new Set<Waiter>();
  private readonly batchSize: number;
  private readonly shareWithin: bigint;
  private readonly logger: ProjectionLogger;
  private feeds: ProjectionFeed[] = [];
  private readonly backend: ProjectionBackend;
  private writer: BatchWriter | undefined;
  private running = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const names = new Set<string>();
    for (const p of options.projections) {
      validateProjection(p);
      if (names.has(p.name)) throw new Error(`Projection ${p.name} is registered twice`);
      names.add(p.name);
    }
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) throw new Error('batchSize must be a positive integer');
    const shareWithin = options.shareWithin ?? DEFAULT_SHARE_WITHIN;
    if (!Number.isSafeInteger(shareWithin) || shareWithin < 0) throw new Error('shareWithin must be a non-negative integer');
    this.shareWithin = BigInt(shareWithin);
    this.logger = options.logger ?? console;
    this.backend = projectionBackend(options.readStore);
    this.workers = options.projections.map((p) => new ProjectionWorker(p, this.backend, this.logger, () => this.settle()));
  }

  /** Whether this process applies the projections now (it holds the lease). */
  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('The projection runner is already started');
    this.running = true;
    const ready: ProjectionWorker[] = [];
    // One after the other: version changes take a lock, and a rebuild's DDL is rare.
    for (const w of this.workers) if (await w.prepare()) ready.push(w);
    const { store, writerThread = true } = this.options;
    if (ready.length > 0) this.writer = this.backend.openWriter(writerThread);
    const sqlite = this.backend.sqlite;
    this.feeds = groupByCheckpoint(ready, this.shareWithin).map(
      (members) => new ProjectionFeed(members, store, sqlite, this.writer, this.batchSize, this.logger, () => this.settle()),
    );
    for (const feed of this.feeds) feed.start();
  }

  /** Waits for every loop to end and closes the subscriptions; pending waitFor calls fail. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await Promise.all(this.feeds.map((f) => f.stop()));
    this.feeds = [];
    await this.writer?.close();
    this.writer = undefined;
    for (const waiter of [...this.waiters]) waiter.reject(new Error('The projection runner stopped'));
  }

  /**
   * Resolves once the tables every projection serves now reflect all events up to
   * `position` (read-your-writes after an append). During a rebuild that means the
   * switch to the new version. Rejects on timeout or when a projection has failed.
   */
  waitFor(position: bigint, timeoutMs = 5000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Projections did not reach position ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        position,
        resolve: () => (done(), resolve()),
        reject: (error) => (done(), reject(error)),
      };
      this.waiters.add(waiter);
      this.settle();
    });
  }

  /** head - checkpoint of the version being fed, per projection. */
  async lag(): Promise<Record<string, bigint>> {
    const head = await this.options.store.headPosition();
    const lag: Record<string, bigint> = {};
    for (const w of this.workers) {
      const row = w.state ?? (await this.backend.find(w.projection.name));
      const checkpoint = row?.version === w.projection.version ? row.checkpoint : 0n;
      lag[w.projection.name] = head > checkpoint ? head - checkpoint : 0n;
    }
    return lag;
  }

  status(): ProjectionStatus[] {
    return this.workers.map((w) => {
      const { name, version } = w.projection;
      const row = w.state;
      return {
        name,
        version,
        activeVersion: row?.activeVersion ?? version,
        checkpoint: row?.version === version ? row.checkpoint : 0n,
        activeCheckpoint: row?.activeCheckpoint ?? 0n,
        phase: w.currentPhase,
        ...(w.currentFailure ? { failure: w.currentFailure } : {}),
      };
    });
  }

  /** The physical table queries must use now for a projection's logical table. */
  activeTable(projection: string, logical: string): string {
    const row = this.workers.find((w) => w.projection.name === projection)?.state;
    if (!row) throw new Error(`Projection ${projection} has no read model yet`);
    return physicalTableName(projection, row.activeVersion, logical);
  }

  private settle(): void {
    if (this.waiters.size === 0) return;
    const failed = this.workers.find((w) => w.currentPhase === 'failed');
    // What queries see: the active version's checkpoint, frozen during a rebuild.
    let reached: bigint | undefined;
    for (const w of this.workers) {
      const served = w.state?.activeCheckpoint ?? 0n;
      reached = reached === undefined || served < reached ? served : reached;
    }
    for (const waiter of [...this.waiters]) {
      if (reached === undefined || waiter.position <= reached) waiter.resolve();
      else if (failed) waiter.reject(new Error(`Projection ${failed.projection.name} failed: ${failed.currentFailure?.message}`));
    }
  }
}

/** Sorted by checkpoint, a new group starts wherever the gap to the group's lowest exceeds `within`. */
function groupByCheckpoint(workers: readonly ProjectionWorker[], within: bigint): ProjectionWorker[][] {
  const sorted = [...workers].sort((a, b) => (a.checkpoint < b.checkpoint ? -1 : a.checkpoint > b.checkpoint ? 1 : 0));
  const groups: ProjectionWorker[][] = [];
  for (const w of sorted) {
    const group = groups[groups.length - 1];
    if (group && w.checkpoint - group[0].checkpoint <= within) group.push(w);
    else groups.push([w]);
  }
  return groups;
}
