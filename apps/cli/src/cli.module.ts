import { Module, type DynamicModule } from '@nestjs/common';
import type { Clock } from '@vigie/domain';
import { EventStoreModule, infrastructureModules, MetricsModule, VigieConfigModule, type VigieConfig } from '@vigie/runtime';

export interface CliModuleOptions {
  readonly clock?: Clock;
  /**
   * `log`: the event store alone (verify, export, replay read nothing else);
   * `workflow`: the API's infrastructure without projections nor scheduler (purge-due).
   */
  readonly scope: 'log' | 'workflow';
}

/** The command line's modules: the same infrastructure modules as the api and the worker. */
@Module({})
export class CliModule {
  static forRoot(config: VigieConfig, options: CliModuleOptions): DynamicModule {
    const clock = options.clock ? { clock: options.clock } : {};
    return {
      module: CliModule,
      imports:
        options.scope === 'log'
          ? [VigieConfigModule.forRoot(config, clock), MetricsModule.forRoot(), EventStoreModule.forRoot(config)]
          : infrastructureModules(config, clock),
    };
  }
}
