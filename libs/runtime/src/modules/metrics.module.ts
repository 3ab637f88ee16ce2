import { Module, type DynamicModule } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

export interface MetricsModuleOptions {
  /** CPU, memory and event-loop metrics: one collector per process, so never in tests that start several apps. */
  readonly collectProcessMetrics?: boolean;
}

/** The prom-client `Registry` of this process (inject it by its class); /metrics serves it. */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions = {}): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [
        {
          provide: Registry,
          useFactory: () => {
            const registry = new Registry();
            if (options.collectProcessMetrics) collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
      ],
      exports: [Registry],
    };
  }
}
