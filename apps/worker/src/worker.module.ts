import { Module, type DynamicModule } from '@nestjs/common';
import type { Clock } from '@vigie/domain';
import { infrastructureModules, type VigieConfig } from '@vigie/runtime';
import { ALL_PROJECTIONS } from '@vigie/runtime/all-projections';
import { WorkerHttpServer } from './worker-http.server';

export interface WorkerModuleOptions {
  readonly clock?: Clock;
  readonly collectProcessMetrics?: boolean;
}

/**
 * The worker process: the API's infrastructure modules with every projection and the
 * retention scheduler, and nothing else; API replicas started with VIGIE_ROLE=api read
 * the same read store and wait on the checkpoints this process writes.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: VigieConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: infrastructureModules(config, {
        ...(options.clock ? { clock: options.clock } : {}),
        projections: ALL_PROJECTIONS,
        collectProcessMetrics: options.collectProcessMetrics ?? false,
      }),
      providers: [WorkerHttpServer],
    };
  }
}
