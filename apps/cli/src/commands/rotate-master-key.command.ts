import type { Command } from 'commander';
import { PgDatabase } from '@vigie/postgres';
import { dutiesLease, type VigieConfig } from '@vigie/runtime';
import { loadOrCreateMasterKey, MASTER_KEY_FILE, PgDataKeyStore, rotateMasterKey, SqliteDataKeyStore, VAULT_FILE, VaultError, type DataKeyStore } from '@vigie/vault';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliConfig } from '../cli-context';
import { EXIT, UsageError, type CliIo, type ExitCode } from '../cli-io';
import { formatPairs, print } from '../output/print';
import { replaceKeyFile } from '../backup/key-file';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** The key in use now: VIGIE_MASTER_KEY, else the data dir's master.key (never created here). */
function currentKey(config: VigieConfig): { key: Buffer; file?: string } {
  if (config.masterKeyHex !== undefined) return { key: Buffer.from(config.masterKeyHex, 'hex') };
  const file = path.join(config.dataDir, MASTER_KEY_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`No master key: neither VIGIE_MASTER_KEY nor ${file}`);
  return { key: loadOrCreateMasterKey({ dataDir: config.dataDir }), file };
}

function newKey(io: CliIo, variable: string): Buffer {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(variable)) throw new UsageError('--new-key-env names an environment variable, e.g. VIGIE_NEW_MASTER_KEY');
  const value = io.env[variable]?.trim();
  if (value === undefined || !HEX_KEY.test(value)) throw new UsageError(`${variable} must hold the new master key: 64 hexadecimal characters (32 bytes)`);
  return Buffer.from(value, 'hex');
}

/** The vault's key store as the API opens it; the caller closes both. */
async function openKeys(config: VigieConfig): Promise<{ keys: DataKeyStore; database?: PgDatabase }> {
  if (config.databaseUrl !== undefined) {
    const database = await PgDatabase.connect({ url: config.databaseUrl, max: 2 });
    return { keys: await PgDataKeyStore.open(database), database };
  }
  const file = path.join(config.dataDir, VAULT_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`No vault at ${file} (check VIGIE_DATA_DIR)`);
  return { keys: SqliteDataKeyStore.open({ path: file }) };
}

/**
 * A process holding the duties lease runs the scheduler and may seal or destroy keys with
 * the old master key while we rotate: refuse rather than race it. API replicas (VIGIE_ROLE=api)
 * hold no lease; the operations guide says to stop them too.
 */
async function assertNoRunningDuties(config: VigieConfig): Promise<void> {
  const lease = dutiesLease(config);
  await lease.start();
  const free = lease.held;
  await lease.stop();
  if (!free) throw new UsageError('A Vigie process is running on this vault (it holds the duties lease): stop every process, then rotate');
}

/** `vigie rotate-master-key --new-key-env <VAR>`: re-wraps every data key under the new master key, in one transaction. */
export function rotateMasterKeyCommand(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('rotate-master-key')
    .description('re-wrap every data key under the new master key held by an environment variable; the old key then opens nothing')
    .requiredOption('--new-key-env <VAR>', 'the environment variable holding the new key (64 hex characters)')
    .option('--json', 'print one JSON document')
    .action(async (options: { newKeyEnv: string; json?: boolean }) => {
      const config = cliConfig(io);
      const next = newKey(io, options.newKeyEnv);
      const current = currentKey(config);
      if (current.key.equals(next)) throw new UsageError(`${options.newKeyEnv} holds the current master key`);
      await assertNoRunningDuties(config);
      const { keys, database } = await openKeys(config);
      let rewrapped: number;
      try {
        ({ rewrapped } = await rotateMasterKey({ keys, oldKey: current.key, newKey: next }));
      } catch (error) {
        if (error instanceof VaultError) {
          io.stderr.write(`error: nothing changed: ${error.message}\n`);
          done(EXIT.checkFailed);
          return;
        }
        throw error;
      } finally {
        await keys.close();
        await database?.close();
      }
      // The vault is now under the new key: the file, if the key lived there, must follow.
      if (current.file !== undefined) replaceKeyFile(current.file, next);
      const summary = {
        rewrapped,
        masterKeyFile: current.file ?? null,
        next:
          current.file !== undefined
            ? `${current.file} now holds the new key; start the processes`
            : `set VIGIE_MASTER_KEY to the value of ${options.newKeyEnv} in every process, then start them`,
      };
      print(io, options.json === true, summary, formatPairs);
      done(EXIT.ok);
    });
}
