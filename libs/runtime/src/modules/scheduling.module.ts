import {
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import { ReadStore } from '@vigie/projections';
import type { WorkflowDeps } from '@vigie/workflow';
import type { VigieConfig } from '../config/vigie-config';
import { RetentionScheduler } from '../retention/retention-scheduler.service';
import { ReadYourWrites } from './read-your-writes.service';
import { EVENT_STORE, WORKFLOW_DEPS } from './tokens';

/** Runs the scheduler once the application is up; waits for its run in progress before the stores close. */
@Injectable()
export class RetentionSchedulerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly scheduler: RetentionScheduler) {}

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}

/** The retention scheduler (L2321-3 al. 2), only in a process that runs the projections. */
@Module({})
export class SchedulingModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: SchedulingModule,
      providers: [
        {
          provide: RetentionScheduler,
          inject: [WORKFLOW_DEPS, CLOCK, EVENT_STORE, ReadStore, ReadYourWrites],
          useFactory: (deps: WorkflowDeps, clock: Clock, store: EventStore, readStore: ReadStore, reads: ReadYourWrites) =>
            new RetentionScheduler(
              { deps, clock, store, readStore, settle: (position) => reads.settle(position) },
              { intervalMs: config.schedulerIntervalMs },
            ),
        },
        RetentionSchedulerLifecycle,
      ],
      exports: [RetentionScheduler],
    };
  }
}
