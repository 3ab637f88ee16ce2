import { ConfigError, loadConfig } from '@vigie/runtime';
import { startWorker } from './worker';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const worker = await startWorker(config, { collectProcessMetrics: true });
  process.stdout.write(
    `Vigie worker running ${worker.runtime.runner?.status().length ?? 0} projections and the retention scheduler ` +
      `(store: ${worker.runtime.store.kind}, data: ${config.dataDir}); /health and /metrics on port ${worker.port}\n`,
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
