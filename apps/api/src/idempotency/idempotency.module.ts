import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { PgDatabase } from '@vigie/postgres';
import { dataFile, SHARED_DATABASE, type VigieConfig } from '@vigie/runtime';
import { IdempotencyStore } from './idempotency.store';
import { openIdempotencyStore } from './open-idempotency-store';

@Injectable()
export class IdempotencyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * The memory of Idempotency-Key answers (inject `IdempotencyStore` by its class): in the
 * shared database when there is one, so that every replica honours a key any of them
 * answered; else `idempotency.db` in the data dir. A store given in `override` is used as is
 * (and closed with the application).
 */
@Module({})
export class IdempotencyModule {
  static forRoot(config: VigieConfig, override?: IdempotencyStore): DynamicModule {
    return {
      module: IdempotencyModule,
      global: true,
      providers: [
        {
          provide: IdempotencyStore,
          inject: [SHARED_DATABASE],
          useFactory: async (database: PgDatabase | null): Promise<IdempotencyStore> => {
            if (override) return override;
            if (!database) dataFile(config, 'idempotency.db');
            return openIdempotencyStore({ dataDir: config.dataDir, ...(database ? { database } : {}) });
          },
        },
        IdempotencyStoreCloser,
      ],
      exports: [IdempotencyStore],
    };
  }
}
