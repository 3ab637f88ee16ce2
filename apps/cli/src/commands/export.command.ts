import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import type { Command } from 'commander';
import { parsePosition } from '../args';
import { EXIT, UsageError, type CliIo, type ExitCode } from '../cli-io';
import { exportNdjson } from '../archive/ndjson-export';
import { formatPairs, print } from '../output/print';
import { withStore } from '../cli-context';
import { isEventPosition } from '@vigie/event-store';

/** Opens the archive file, turning "no such directory" and the like into bad input. */
async function openOut(file: string): Promise<NodeJS.WritableStream & { end(cb?: () => void): unknown }> {
  const out = createWriteStream(file, { flags: 'w' });
  try {
    await once(out, 'open');
  } catch (e) {
    throw new UsageError(`Cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return out;
}

/** `vigie export`: the log as NDJSON, data still encrypted, for archiving or offline audit. */
export function exportCommand(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('export')
    .description('write the log as NDJSON (one event per line, data still encrypted)')
    .option('--from <position>', 'only events after this position (exclusive)', parsePosition)
    .requiredOption('--out <file>', 'the NDJSON file to write')
    .option('--json', 'print one JSON document')
    .action(async (options: { from?: bigint; out: string; json?: boolean }) => {
      const file = path.resolve(io.cwd, options.out);
      const summary = await withStore(io, async (store) => {
        if (!(await isEventPosition(store, options.from ?? 0n))) throw new UsageError('--from must be the position of an event of this log');
        const out = await openOut(file);
        try {
          return await exportNdjson(store, out, options.from ?? 0n);
        } finally {
          await new Promise<void>((resolve) => out.end(() => resolve()));
        }
      });
      print(io, options.json === true, { file, ...summary }, formatPairs);
      done(EXIT.ok);
    });
}
