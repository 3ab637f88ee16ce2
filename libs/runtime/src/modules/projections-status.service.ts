import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@vigie/event-store';
import { ProjectionRunner, ReadStore, type ProjectionStatus } from '@vigie/projections';
import { Gauge, Registry } from 'prom-client';
import { EVENT_STORE, PROJECTION_RUNNER } from './tokens';

/** How far each read model stands behind the log, for /health and /metrics. */
@Injectable()
export class ProjectionsStatus {
  private readonly lagGauge: Gauge<'projection'>;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readStore: ReadStore,
    registry: Registry,
  ) {
    this.lagGauge = new Gauge({
      name: 'vigie_projection_lag_events',
      help: 'Events between the head of the log and each projection checkpoint',
      labelNames: ['projection'],
      registers: [registry],
    });
  }

  /** Events behind the head per projection; an `api` replica reads the checkpoints its worker writes. */
  async projectionsLag(): Promise<Record<string, bigint>> {
    if (this.runner?.isRunning) return this.runner.lag();
    const head = await this.store.headPosition();
    return Object.fromEntries(this.readStore.state.list().map((r) => [r.name, head > r.activeCheckpoint ? head - r.activeCheckpoint : 0n]));
  }

  /** The phase of each projection this process runs (none where it runs no projection). */
  phases(): ProjectionStatus[] {
    return this.runner?.status() ?? [];
  }

  async refreshGauges(): Promise<void> {
    for (const [projection, behind] of Object.entries(await this.projectionsLag())) {
      this.lagGauge.set({ projection }, Number(behind));
    }
  }
}
