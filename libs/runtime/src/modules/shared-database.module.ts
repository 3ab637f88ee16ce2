import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { PgDatabase } from '@vigie/postgres';
import type { VigieConfig } from '../config/vigie-config';
import { SHARED_DATABASE } from './tokens';

/**
 * Closes the pool after every other module's shutdown hook has run: the stores that borrow
 * it (vault, idempotency, read models) release their connections in theirs, and the runner
 * and the scheduler stopped before application shutdown.
 */
@Injectable()
export class SharedDatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(SHARED_DATABASE) private readonly database: PgDatabase | null) {}

  async onApplicationShutdown(): Promise<void> {
    // Let the other modules' hooks of this phase go first: Nest awaits each module's hooks in turn.
    await new Promise((resolve) => setImmediate(resolve));
    await this.database?.close();
  }
}

/**
 * The one pool to VIGIE_DATABASE_URL of a process (`null` without it: embedded SQLite files),
 * shared by the vault, the idempotency store, the read models and the leases.
 */
@Module({})
export class SharedDatabaseModule {
  static forRoot(config: VigieConfig, applicationName = `vigie-${config.role}`): DynamicModule {
    return {
      module: SharedDatabaseModule,
      global: true,
      providers: [
        {
          provide: SHARED_DATABASE,
          useFactory: async (): Promise<PgDatabase | null> =>
            config.databaseUrl ? PgDatabase.connect({ url: config.databaseUrl, applicationName, max: 20 }) : null,
        },
        SharedDatabaseCloser,
      ],
      exports: [SHARED_DATABASE],
    };
  }
}
