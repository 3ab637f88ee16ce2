import type { EventStore } from '@vigie/event-store';
import { ConfigError, createJsonLogger, EVENT_STORE, loadConfig, NestJsonLogger, ownerOnlyFiles, prepareDataDir, ProjectionsStatus } from '@vigie/runtime';
import { startWorker } from './worker';

async function bootstrap(): Promise<void> {
  ownerOnlyFiles();
  const config = loadConfig(process.env, process.cwd(), 'worker');
  prepareDataDir(config);
  const log = createJsonLogger(config.logLevel, 'vigie-worker');
  const worker = await startWorker(config, { collectProcessMetrics: true, logger: new NestJsonLogger(log) });
  log.info(
    { event: 'process.start', store: worker.context.get<EventStore>(EVENT_STORE).kind, port: worker.port },
    `Vigie worker running ${worker.context.get(ProjectionsStatus).phases().length} projections and the retention scheduler ` +
      `(store: ${worker.context.get<EventStore>(EVENT_STORE).kind}, data: ${config.dataDir}); /health and /metrics on port ${worker.port}`,
  );
  const shutdown = (signal: string): void => {
    log.info({ event: 'process.stop', signal }, `Vigie worker: ${signal} received, stopping`);
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ event: 'process.stop' }, `Vigie worker: unclean stop: ${(error as Error).message}`);
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
