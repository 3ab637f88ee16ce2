import { Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { dataFile, type VigieConfig } from '@vigie/runtime';
import { IdempotencyStore } from './idempotency.store';

@Injectable()
export class IdempotencyStoreCloser implements OnApplicationShutdown {
  constructor(private readonly store: IdempotencyStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}

/** The memory of Idempotency-Key answers (inject `IdempotencyStore` by its class). */
@Module({})
export class IdempotencyModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: IdempotencyModule,
      global: true,
      providers: [{ provide: IdempotencyStore, useFactory: () => new IdempotencyStore(dataFile(config, 'idempotency.db')) }, IdempotencyStoreCloser],
      exports: [IdempotencyStore],
    };
  }
}
