import * as fs from 'node:fs';
import { ConfigError } from './config-error';
import type { VigieConfig } from './vigie-config';

/**
 * The data dir is made (owner-only) before anything is written there, so a path that
 * cannot be a directory stops start-up with one line naming VIGIE_DATA_DIR instead of
 * an ENOTDIR from whichever store opens first. With EventStoreDB and PostgreSQL it
 * holds nothing and is left alone.
 */
export const prepareDataDir = (config: VigieConfig): void => {
  if (config.eventStoreConnectionString !== undefined && config.databaseUrl !== undefined) return;
  try {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    fs.accessSync(config.dataDir, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError('VIGIE_DATA_DIR', `cannot create or write the directory ${config.dataDir} (${code})`);
  }
};

/** A failed listen() told in the variables' words: the port is taken or forbidden, or the address is not this host's. */
export const listenError = (error: unknown, config: Pick<VigieConfig, 'host' | 'port'>): Error => {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return new ConfigError('PORT', `port ${config.port} on ${config.host} is already in use`);
  if (code === 'EACCES') return new ConfigError('PORT', `port ${config.port} may not be opened by this user`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ConfigError('VIGIE_HOST', `${config.host} is not an address of this host (${code})`);
  }
  return error instanceof Error ? error : new Error(String(error));
};

/**
 * Files the service creates — the stores, their -wal and -shm companions, the vault, the
 * leases — hold personal data or keys: owner-only (0600, directories 0700), whoever opens them.
 */
export const ownerOnlyFiles = (): void => {
  process.umask(0o077);
};
