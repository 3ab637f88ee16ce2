import { Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { loadOrCreateMasterKey, Vault } from '@vigie/vault';
import type { VigieConfig } from '../config/vigie-config';
import { dataFile } from './data-dir';

/**
 * The vault backend of this configuration. Today `vault.db` in the data dir.
 * PostgreSQL backend: when `config.databaseUrl` is set, the data keys and tombstones must
 * live in the shared database instead, so that every host purges the same keys; that
 * choice is made here and nowhere else.
 */
export function openVault(config: VigieConfig): Vault {
  return Vault.open({
    path: dataFile(config, 'vault.db'),
    masterKey: loadOrCreateMasterKey({ dataDir: config.dataDir, envValue: config.masterKeyHex }),
  });
}

@Injectable()
export class VaultCloser implements OnApplicationShutdown {
  constructor(private readonly vault: Vault) {}

  onApplicationShutdown(): void {
    this.vault.close();
  }
}

/** The vault of delivered data (inject `Vault` by its class). */
@Module({})
export class VaultModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: VaultModule,
      global: true,
      providers: [{ provide: Vault, useFactory: () => openVault(config) }, VaultCloser],
      exports: [Vault],
    };
  }
}
