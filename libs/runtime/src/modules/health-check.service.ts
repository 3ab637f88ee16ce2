import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import type { ProjectionRunner, ReadModelStore } from '@vigie/projections';
import type { VigieConfig } from '../config/vigie-config';
import { ProjectionsStatus } from './projections-status.service';
import { EVENT_STORE, PROJECTION_RUNNER, READ_MODEL_STORE, VIGIE_CONFIG } from './tokens';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  /** Why the process is degraded, one sentence per cause; empty when ok. */
  readonly degraded: readonly string[];
  /** Events behind the head of the log, per projection (decimal strings). */
  readonly projectionsLag: Record<string, string>;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/**
 * What /health says. `degraded` whenever queries may answer from stale data or commands may
 * fail: a projection that stopped on an error (it never catches up by itself), a read model
 * whose oldest unapplied event waits longer than VIGIE_MAX_LAG_MS, or a store that does not
 * answer. Orchestrators and operators read it; nothing here ever throws.
 */
@Injectable()
export class HealthCheck {
  constructor(
    private readonly projections: ProjectionsStatus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readStore: ReadModelStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VIGIE_CONFIG) private readonly config: VigieConfig,
  ) {}

  async report(): Promise<HealthReport> {
    const degraded: string[] = [];
    for (const p of this.runner?.isRunning ? this.runner.status() : []) {
      if (p.phase === 'failed') degraded.push(`projection ${p.name} stopped: ${p.failure?.message ?? 'failed'}`);
    }
    let lag: Record<string, bigint> = {};
    try {
      lag = await this.projections.projectionsLag();
      degraded.push(...(await this.lagging(lag)));
    } catch (error) {
      degraded.push(`the event store or the read models do not answer: ${describe(error)}`);
    }
    return {
      status: degraded.length > 0 ? 'degraded' : 'ok',
      degraded,
      projectionsLag: Object.fromEntries(Object.entries(lag).map(([name, behind]) => [name, behind.toString()])),
    };
  }

  /**
   * A projection is late when the first event it has not applied was recorded more than
   * VIGIE_MAX_LAG_MS ago: a count of events says nothing about how stale the answers are.
   */
  private async lagging(lag: Record<string, bigint>): Promise<string[]> {
    const behind = Object.entries(lag).filter(([, events]) => events > 0n);
    if (behind.length === 0) return [];
    const served = new Map((await this.checkpoints()).map((c) => [c.name, c.checkpoint]));
    const now = this.clock.now().getTime();
    const late: string[] = [];
    for (const [name] of behind) {
      const waitingMs = await this.waitingSince(served.get(name) ?? 0n, now);
      if (waitingMs > this.config.maxLagMs) {
        late.push(`projection ${name} is ${Math.round(waitingMs / 100) / 10} s behind the log (VIGIE_MAX_LAG_MS=${this.config.maxLagMs})`);
      }
    }
    return late;
  }

  private async checkpoints(): Promise<{ name: string; checkpoint: bigint }[]> {
    if (this.runner?.isRunning) return this.runner.status().map((p) => ({ name: p.name, checkpoint: p.activeCheckpoint }));
    return (await this.readStore.checkpoints()).map((r) => ({ name: r.name, checkpoint: r.activeCheckpoint }));
  }

  private async waitingSince(checkpoint: bigint, now: number): Promise<number> {
    for await (const event of this.store.readAll({ after: checkpoint, maxCount: 1 })) {
      const occurredAt = Date.parse(String((event.metadata as { occurredAt?: unknown }).occurredAt));
      return Number.isFinite(occurredAt) ? Math.max(0, now - occurredAt) : 0;
    }
    return 0;
  }
}
