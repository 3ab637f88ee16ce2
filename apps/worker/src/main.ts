import type { EventStore } from '@vigie/event-store';
import { ConfigError, EVENT_STORE, loadConfig, ownerOnlyFiles, prepareDataDir, ProjectionsStatus } from '@vigie/runtime';
import { startWorker } from './worker';

async function bootstrap(): Promise<void> {
  ownerOnlyFiles();
  const config = loadConfig(process.env, process.cwd(), 'worker');
  prepareDataDir(config);
  const worker = await startWorker(config, { collectProcessMetrics: true });
  process.stdout.write(
    `Vigie worker running ${worker.context.get(ProjectionsStatus).phases().length} projections and the retention scheduler ` +
      `(store: ${worker.context.get<EventStore>(EVENT_STORE).kind}, data: ${config.dataDir}); /health and /metrics on port ${worker.port}\n`,
  );
  const shutdown = (signal: string): void => {
    process.stdout.write(`Vigie worker: ${signal} received, stopping\n`);
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Vigie worker: unclean stop: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  // Bad configuration stops start-up with one line naming the variable.
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  process.stderr.write(`Vigie worker cannot start: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
