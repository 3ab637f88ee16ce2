import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, systemClock, type Clock } from '@vigie/domain';
import type { VigieConfig } from '../config/vigie-config';
import { VIGIE_CONFIG } from './tokens';

export interface VigieConfigModuleOptions {
  /** Tests move time by hand; every process else reads the system clock. */
  readonly clock?: Clock;
}

/** The validated configuration and the clock, for every module of the process. */
@Module({})
export class VigieConfigModule {
  static forRoot(config: VigieConfig, options: VigieConfigModuleOptions = {}): DynamicModule {
    return {
      module: VigieConfigModule,
      global: true,
      providers: [
        { provide: VIGIE_CONFIG, useValue: config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
      ],
      exports: [VIGIE_CONFIG, CLOCK],
    };
  }
}
