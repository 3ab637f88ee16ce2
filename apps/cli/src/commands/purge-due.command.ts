import type { Command } from 'commander';
import { RetentionQueries, retentionProjection } from '@vigie/projections';
import { CLOCK, type Clock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import { EVENT_STORE, WORKFLOW_DEPS } from '@vigie/runtime';
import { purgeDue, type WorkflowDeps } from '@vigie/workflow';
import { EXIT, type CliIo, type ExitCode } from '../cli-io';
import { formatReport, print } from '../output/print';
import { replayProjections } from '../replay/replay';
import { withContext } from '../cli-context';

/**
 * `vigie purge-due`: one run of the retention scheduler (L2321-3 al. 2), from this
 * process. The due datasets come from a retention model replayed from the log itself,
 * so the run needs neither the API nor its read store to be up to date; each purge is
 * re-checked on its stream and appended with the expected revision, so running it next
 * to the API's scheduler purges every dataset once.
 */
export function purgeDueCommand(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('purge-due')
    .description('purge every dataset whose retention deadline has passed (what the scheduler does)')
    .option('--dry-run', 'list what would be purged; append nothing, destroy nothing')
    .option('--json', 'print one JSON document')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      await withContext(io, 'workflow', async (context) => {
        const now = context.get<Clock>(CLOCK).now().toISOString();
        const replayed = await replayProjections(context.get<EventStore>(EVENT_STORE), [retentionProjection], {});
        try {
          const queries = new RetentionQueries(replayed.readStore);
          const summary = await purgeDue(context.get<WorkflowDeps>(WORKFLOW_DEPS), now, {
            dryRun: options.dryRun === true,
            dueDatasets: async () => queries.due(now),
            purgedDatasets: async () => queries.purgedWithKeys(),
          });
          print(io, options.json === true, { now, ...summary }, formatReport);
        } finally {
          await replayed.readStore.close();
        }
      });
      done(EXIT.ok);
    });
}
