import { Option, type Command } from 'commander';
import { systemClock } from '@vigie/domain';
import { parseAsOf, parsePosition } from '../args';
import { EXIT, type CliIo, type ExitCode } from '../cli-io';
import { formatReport, print } from '../output/print';
import { replayProjections, type ReplayResult } from '../replay/replay';
import { REPORT_NAMES, REPORTS } from '../replay/reports';
import { withStore } from '../cli-context';

interface ReplayOptions {
  readonly asOf?: Date;
  readonly toPosition?: bigint;
  readonly report: string;
  readonly json?: boolean;
}

/**
 * The moment the report is taken at: the as-of time; for a position, the time of the
 * last event up to it (the log as it stood then); otherwise now.
 */
function reportNow(options: ReplayOptions, result: ReplayResult, io: CliIo): Date {
  if (options.asOf) return options.asOf;
  if (options.toPosition !== undefined && result.last) {
    const ms = Date.parse(result.last.occurredAt);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return (io.clock ?? systemClock).now();
}

/** `vigie replay`: rebuilds a report from the log, in memory, as it stood at a moment. */
export function replayCommand(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('replay')
    .description('rebuild a report from the log into memory, as it stood at a moment, in the shape of the HTTP report')
    .option('--as-of <time>', 'only events that had occurred by this ISO 8601 time', parseAsOf)
    .option('--to-position <position>', 'only events up to this log position (inclusive)', parsePosition)
    .addOption(new Option('--report <name>', 'the report to rebuild').choices(REPORT_NAMES).makeOptionMandatory())
    .option('--json', 'print one JSON document')
    .action(async (options: ReplayOptions) => {
      const definition = REPORTS[options.report];
      const result = await withStore(io, (store) =>
        replayProjections(store, definition.projections, { asOf: options.asOf, toPosition: options.toPosition }),
      );
      try {
        print(io, options.json === true, await definition.query(result.readStore, reportNow(options, result, io)), formatReport);
      } finally {
        await result.readStore.close();
      }
      done(EXIT.ok);
    });
}
