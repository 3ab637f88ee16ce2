import { Logger } from '@nestjs/common';
import type { ProjectionLogger } from '@vigie/projections';
import type { PurgeSummary } from '@vigie/workflow';
import type { RetentionSchedulerOptions } from '../retention/retention-scheduler.service';

/** The projections' lines through the process's logger (JSON in the apps). */
export function projectionLogger(): ProjectionLogger {
  const logger = new Logger('Projections');
  return {
    log: (message) => logger.log(message),
    error: (message, error) => logger.error(error instanceof Error ? `${message}: ${error.message}` : message),
  };
}

/**
 * The scheduler's runs, counted: ids of requests are not secret, but a line per dataset
 * would flood the log on the day a large batch falls due.
 */
export function schedulerLogging(): Pick<RetentionSchedulerOptions, 'onRun' | 'onError'> {
  const logger = new Logger('RetentionScheduler');
  return {
    onRun: (summary: PurgeSummary) =>
      logger.log(
        `Retention run: ${summary.purged.length} purged (${summary.purged.filter((p) => p.overdue).length} overdue), ` +
          `${summary.reconciled.length} keys reconciled, ${summary.alreadyPurged.length} already purged`,
      ),
    onError: (error: unknown) => {
      const code = (error as { code?: unknown })?.code;
      logger.error(`Retention run failed: ${typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'}`);
    },
  };
}
