import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Clock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import { infrastructureModules, type VigieConfig } from '@vigie/runtime';
import { ALL_PROJECTIONS } from '@vigie/runtime/all-projections';
import { ApiKeyGuard } from './auth/api-key.guard';
import { AuthModule } from './auth/auth.module';
import type { PrincipalDirectory } from './auth/principals.token';
import { FEATURE_MODULES } from './features';
import { HttpDrain } from './http/http-drain';
import { ProblemFilter } from './http/problem.filter';
import { IdempotencyModule } from './idempotency/idempotency.module';
import type { IdempotencyStore } from './idempotency/idempotency.store';

export interface AppModuleOptions {
  readonly principals: PrincipalDirectory;
  readonly clock?: Clock;
  /** Default: every process but `VIGIE_ROLE=api` runs the projections and the retention scheduler. */
  readonly runProjections?: boolean;
  readonly collectProcessMetrics?: boolean;
  /** Tests only: false runs the retention scheduler only when the test calls runOnce() (no wall-clock interval). */
  readonly schedulerTimer?: boolean;
  /** An idempotency store to use instead of the configured one (tests of several replicas). */
  readonly idempotencyStore?: IdempotencyStore;
  /** Tests only: wraps the event store (fault injection). */
  readonly wrapEventStore?: (store: EventStore) => EventStore;
}

/** The API process: the shared infrastructure, then one module per part of the workflow. */
@Module({})
export class AppModule {
  static forRoot(config: VigieConfig, options: AppModuleOptions): DynamicModule {
    const runProjections = options.runProjections ?? config.role !== 'api';
    return {
      module: AppModule,
      imports: [
        ...infrastructureModules(config, {
          ...(options.clock ? { clock: options.clock } : {}),
          ...(runProjections ? { projections: ALL_PROJECTIONS } : {}),
          collectProcessMetrics: options.collectProcessMetrics ?? false,
          ...(options.schedulerTimer === false ? { schedulerTimer: false } : {}),
          ...(options.wrapEventStore ? { wrapEventStore: options.wrapEventStore } : {}),
        }),
        AuthModule.forRoot(options.principals),
        IdempotencyModule.forRoot(config, options.idempotencyStore),
        ...FEATURE_MODULES,
      ],
      providers: [
        HttpDrain,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
