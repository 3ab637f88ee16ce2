import type { Command } from 'commander';
import { EXIT, type CliIo, type ExitCode } from '../cli-io';
import { formatPairs, print } from '../output/print';
import { withStore } from '../cli-context';

/** `vigie verify`: every stream's hash chain and the global order; exit 1 when broken. */
export function verifyCommand(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('verify')
    .description("check every stream's hash chain and the global order of the log")
    .option('--json', 'print one JSON document')
    .action(async (options: { json?: boolean }) => {
      const report = await withStore(io, (store) => store.verifyChains());
      print(io, options.json === true, report, formatPairs);
      if (!report.ok) io.stderr.write(`Hash chain broken in stream ${report.firstBrokenStream}\n`);
      done(report.ok ? EXIT.ok : EXIT.checkFailed);
    });
}
