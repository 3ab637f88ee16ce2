import type { Clock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import { RetentionQueries, type ReadModelStore } from '@vigie/projections';
import { purgeDue, type PurgeSummary, type WorkflowDeps } from '@vigie/workflow';

/** What the scheduler needs from its module: a narrow view, so that it depends on no Nest container. */
export interface RetentionSchedulerHost {
  readonly deps: WorkflowDeps;
  readonly clock: Clock;
  readonly store: EventStore;
  readonly readStore: ReadModelStore;
  settle(position: bigint | undefined): Promise<void>;
}

export interface RetentionSchedulerOptions {
  readonly intervalMs: number;
  /** false: start() arms no timer and runs happen only through runOnce(), so a test drives them with its clock. */
  readonly timer?: boolean;
  /** Failures of a periodic run (the next run retries). Only codes and ids, never data. */
  readonly onError?: (error: unknown) => void;
  /** A run that purged or reconciled something. */
  readonly onRun?: (summary: PurgeSummary) => void;
}

const reportError = (error: unknown): void => {
  const code = (error as { code?: unknown })?.code;
  process.stderr.write(`retention scheduler run failed: ${typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'}\n`);
};

/**
 * Purges every dataset whose retention deadline passed (L2321-3 al. 2), on a timer, in
 * the process that runs the projections (embedded API, worker). Runs never overlap in one
 * process; across processes the expected revision of each request stream decides.
 */
export class RetentionScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PurgeSummary> | undefined;
  private readonly queries: RetentionQueries;

  constructor(
    private readonly host: RetentionSchedulerHost,
    private readonly options: RetentionSchedulerOptions,
  ) {
    this.queries = new RetentionQueries(host.readStore);
  }

  /** Whether a timer runs the scheduler now. */
  get ticking(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer || this.options.timer === false) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.runOnce().then(
        (summary) => (summary.purged.length + summary.reconciled.length > 0 ? this.options.onRun?.(summary) : undefined),
        (error: unknown) => (this.options.onError ?? reportError)(error),
      );
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** One run at the clock's now, on read models caught up with the head of the log. */
  async runOnce(options: { readonly dryRun?: boolean } = {}): Promise<PurgeSummary> {
    const run = this.run(options.dryRun ?? false);
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  private async run(dryRun: boolean): Promise<PurgeSummary> {
    const nowMs = this.host.clock.now().getTime();
    const now = new Date(nowMs).toISOString();
    // Whatever falls due before the next run is purged now: no dataset outlives its deadline.
    const horizon = new Date(nowMs + this.options.intervalMs).toISOString();
    await this.host.settle(await this.host.store.headPosition());
    return purgeDue(this.host.deps, now, {
      dryRun,
      horizonMs: this.options.intervalMs,
      dueDatasets: async () => this.queries.due(horizon),
      purgedDatasets: async () => this.queries.purgedWithKeys(),
      orphanKeys: {},
    });
  }

  /** Stops the timer and waits for a run in progress, so the stores can close after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
