import { Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '@vigie/domain';
import type { PgDatabase } from '@vigie/postgres';
import { loadOrCreateMasterKey, openDataKeyStore, Vault } from '@vigie/vault';
import type { VigieConfig } from '../config/vigie-config';
import { dataFile } from './data-dir';
import { SHARED_DATABASE } from './tokens';

/**
 * The vault of this configuration: its data keys in the shared database when there is one,
 * so that a key sealed on one host opens on every other and a purge anywhere destroys it for
 * all (L2321-3 al. 2); else `vault.db` in the data dir. The master key is loaded first, so a
 * bad one leaves no store open behind it.
 */
export async function openVault(config: VigieConfig, database: PgDatabase | null, clock: Clock): Promise<Vault> {
  const masterKey = loadOrCreateMasterKey({ dataDir: config.dataDir, envValue: config.masterKeyHex });
  if (!database) dataFile(config, 'vault.db');
  // The clock stamps each key's creation, which the reconciliation of orphan keys needs.
  return Vault.open({ masterKey, clock, keys: await openDataKeyStore({ dataDir: config.dataDir, ...(database ? { database } : {}) }) });
}

@Injectable()
export class VaultCloser implements OnApplicationShutdown {
  constructor(private readonly vault: Vault) {}

  async onApplicationShutdown(): Promise<void> {
    await this.vault.close();
  }
}

/** The vault of delivered data (inject `Vault` by its class). */
@Module({})
export class VaultModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: VaultModule,
      global: true,
      providers: [
        {
          provide: Vault,
          inject: [SHARED_DATABASE, CLOCK],
          useFactory: (database: PgDatabase | null, clock: Clock) => openVault(config, database, clock),
        },
        VaultCloser,
      ],
      exports: [Vault],
    };
  }
}
