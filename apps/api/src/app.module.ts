import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CLOCK } from '@vigie/domain';
import { VIGIE_RUNTIME, type Principal, type VigieRuntime } from '@vigie/runtime';
import { ApiKeyGuard } from './auth/api-key.guard';
import { PRINCIPALS } from './auth/principals.token';
import { ProblemFilter } from './http/problem.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { openIdempotencyStore } from './idempotency/open-idempotency-store';
import { HealthController } from './operations/health.controller';
import { MetricsController } from './operations/metrics.controller';

export interface AppModuleOptions {
  readonly runtime: VigieRuntime;
  readonly principals: ReadonlyMap<string, Principal>;
  readonly controllers?: readonly Type<unknown>[];
  /** A store shared with other replicas (the application closes it); by default the data dir's own. */
  readonly idempotencyStore?: IdempotencyStore;
}

/** Lists providers only: every use case lives in its own vertical slice. */
@Module({})
export class AppModule {
  static forRuntime({ runtime, principals, controllers = [], idempotencyStore }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, MetricsController, ...controllers],
      providers: [
        { provide: VIGIE_RUNTIME, useValue: runtime },
        { provide: CLOCK, useValue: runtime.clock },
        { provide: PRINCIPALS, useValue: principals },
        {
          provide: IdempotencyStore,
          useFactory: () =>
            idempotencyStore ?? openIdempotencyStore({ dataDir: runtime.config.dataDir, databaseUrl: runtime.config.databaseUrl }),
        },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
