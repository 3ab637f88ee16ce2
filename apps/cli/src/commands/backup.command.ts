import type { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backupDatabase, copyPrivateFile, DATABASE_ORDER, prepareBackupDir, type CopiedFile } from '../backup/sqlite-backup';
import { cliConfig, requireEventLog } from '../cli-context';
import { EXIT, UsageError, type CliIo, type ExitCode } from '../cli-io';
import { formatReport, print } from '../output/print';

const POSTGRES_STATE = 'vault data keys, idempotency records, read models and checkpoints, and the lease';

/**
 * `vigie backup --out <dir>`: a consistent copy of the data dir's databases, taken while
 * the API runs, plus the master key and the bootstrap principals when they are files.
 * What lives in PostgreSQL or EventStoreDB is said, not copied: their own tools back them up.
 */
export function backupCommand(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('backup')
    .description("copy the data dir's databases (SQLite's online backup), master.key and principals.json into a new directory")
    .requiredOption('--out <dir>', 'a new or empty directory')
    .option('--json', 'print one JSON document')
    .action(async (options: { out: string; json?: boolean }) => {
      const config = cliConfig(io);
      requireEventLog(config);
      const dir = path.resolve(io.cwd, options.out);
      try {
        prepareBackupDir(dir);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const shared = config.databaseUrl !== undefined;
      const databases = DATABASE_ORDER.filter((name) => !shared || name === 'events.db').filter(
        (name) => !(name === 'events.db' && config.eventStoreConnectionString !== undefined),
      );
      const files: CopiedFile[] = [];
      for (const name of databases) {
        const source = path.join(config.dataDir, name);
        if (fs.existsSync(source)) files.push(await backupDatabase(source, path.join(dir, name)));
      }
      const masterKey = path.join(config.dataDir, 'master.key');
      if (fs.existsSync(masterKey)) files.push(copyPrivateFile(masterKey, path.join(dir, 'master.key')));
      if (fs.existsSync(config.principalsFile)) files.push(copyPrivateFile(config.principalsFile, path.join(dir, 'principals.json')));
      const elsewhere = [
        ...(shared ? [`PostgreSQL (VIGIE_DATABASE_URL) holds the ${POSTGRES_STATE}: back it up with pg_dump`] : []),
        ...(config.eventStoreConnectionString ? ['EventStoreDB (EVENTSTORE_CONNECTION_STRING) holds the log: back it up with its own tools'] : []),
        ...(config.masterKeyHex !== undefined ? ['VIGIE_MASTER_KEY is given by the environment: keep it apart from this copy'] : []),
      ];
      const manifest = { dir, files, elsewhere };
      fs.writeFileSync(path.join(dir, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
      print(io, options.json === true, manifest, (m) => formatReport({ dir: m.dir, files: m.files, elsewhere: (m.elsewhere as string[]).map((note) => ({ note })) }));
      done(EXIT.ok);
    });
}
