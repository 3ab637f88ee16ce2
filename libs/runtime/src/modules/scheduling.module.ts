import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, type Clock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import type { ReadModelStore } from '@vigie/projections';
import type { WorkflowDeps } from '@vigie/workflow';
import type { VigieConfig } from '../config/vigie-config';
import { schedulerLogging } from '../logging/duty-loggers';
import { RetentionScheduler } from '../retention/retention-scheduler.service';
import { ReadYourWrites } from './read-your-writes.service';
import { EVENT_STORE, READ_MODEL_STORE, WORKFLOW_DEPS } from './tokens';

/** The retention scheduler (L2321-3 al. 2), only in a process that may run the projections; the lease holder starts and stops it. */
@Module({})
export class SchedulingModule {
  /** `timer: false` (tests): no wall-clock interval, runs only through runOnce(). */
  static forRoot(config: VigieConfig, options: { readonly timer?: boolean } = {}): DynamicModule {
    return {
      module: SchedulingModule,
      global: true,
      providers: [
        {
          provide: RetentionScheduler,
          inject: [WORKFLOW_DEPS, CLOCK, EVENT_STORE, READ_MODEL_STORE, ReadYourWrites],
          useFactory: (deps: WorkflowDeps, clock: Clock, store: EventStore, readStore: ReadModelStore, reads: ReadYourWrites) =>
            new RetentionScheduler(
              { deps, clock, store, readStore, settle: (position) => reads.settle(position) },
              { intervalMs: config.schedulerIntervalMs, timer: options.timer ?? true, ...schedulerLogging() },
            ),
        },
      ],
      exports: [RetentionScheduler],
    };
  }
}
