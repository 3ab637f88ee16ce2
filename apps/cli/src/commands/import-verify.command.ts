import * as path from 'node:path';
import type { Command } from 'commander';
import { EXIT, type CliIo, type ExitCode } from '../cli-io';
import { verifyArchive } from '../archive/archive-verify';
import { formatPairs, print } from '../output/print';

/** `vigie import-verify`: an auditor checks an exported archive without the live system. */
export function importVerifyCommand(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('import-verify')
    .description('recompute the hash chains of an exported NDJSON file, offline')
    .requiredOption('--in <file>', 'the NDJSON file written by `vigie export`')
    .option('--json', 'print one JSON document')
    .action(async (options: { in: string; json?: boolean }) => {
      const report = await verifyArchive(path.resolve(io.cwd, options.in));
      print(io, options.json === true, report, formatPairs);
      if (!report.ok) io.stderr.write(`Hash chain broken in stream ${report.firstBrokenStream}\n`);
      done(report.ok ? EXIT.ok : EXIT.checkFailed);
    });
}
