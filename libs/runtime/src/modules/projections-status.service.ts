import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@vigie/event-store';
import type { ProjectionRunner, ProjectionStatus, ReadModelStore } from '@vigie/projections';
import { Gauge, Registry } from 'prom-client';
import { lagFromCheckpoints } from '../read-models/read-models';
import { EVENT_STORE, PROJECTION_RUNNER, READ_MODEL_STORE } from './tokens';

/** How far each read model stands behind the log, for /health and /metrics. */
@Injectable()
export class ProjectionsStatus {
  private readonly lagGauge: Gauge<'projection'>;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readStore: ReadModelStore,
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
    return lagFromCheckpoints(this.readStore, await this.store.headPosition());
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
