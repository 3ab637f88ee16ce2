import type { DynamicModule } from '@nestjs/common';
import type { Clock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import type { Projection } from '@vigie/projections';
import type { VigieConfig } from '../config/vigie-config';
import { EventStoreModule } from './event-store.module';
import { MetricsModule } from './metrics.module';
import { ReadModelsModule } from './read-models.module';
import { LeasedDutiesModule } from './leased-duties.module';
import { SchedulingModule } from './scheduling.module';
import { SharedDatabaseModule } from './shared-database.module';
import { VaultModule } from './vault.module';
import { VigieConfigModule } from './vigie-config.module';
import { WorkflowModule } from './workflow.module';

export interface InfrastructureOptions {
  readonly clock?: Clock;
  /** Where given, this process applies these projections and runs the retention scheduler. */
  readonly projections?: readonly Projection[];
  readonly collectProcessMetrics?: boolean;
  /** Tests only: false runs the retention scheduler only when the test calls runOnce() (no wall-clock interval). */
  readonly schedulerTimer?: boolean;
  /** Tests only: wraps the event store (fault injection). */
  readonly wrapEventStore?: (store: EventStore) => EventStore;
}

/**
 * The infrastructure modules every process builds (api, worker, cli), from one
 * configuration: they can never disagree on which store, vault or read store is in use.
 */
export function infrastructureModules(config: VigieConfig, options: InfrastructureOptions = {}): DynamicModule[] {
  return [
    VigieConfigModule.forRoot(config, options.clock ? { clock: options.clock } : {}),
    SharedDatabaseModule.forRoot(config),
    MetricsModule.forRoot({ collectProcessMetrics: options.collectProcessMetrics ?? false }),
    EventStoreModule.forRoot(config, options.wrapEventStore),
    VaultModule.forRoot(config),
    ReadModelsModule.forRoot(config, options.projections ? { projections: options.projections } : {}),
    WorkflowModule.forRoot(config),
    ...(options.projections ? [SchedulingModule.forRoot(config, { timer: options.schedulerTimer ?? true }), LeasedDutiesModule.forRoot(config)] : []),
  ];
}
