import 'reflect-metadata';
import { ConfigError, createJsonLogger, EVENT_STORE, listenError, loadConfig, loadOrCreatePrincipals, ownerOnlyFiles, prepareDataDir } from '@vigie/runtime';
import type { EventStore } from '@vigie/event-store';
import { createApp } from './app.factory';

async function bootstrap(): Promise<void> {
  ownerOnlyFiles();
  const config = loadConfig(process.env, process.cwd(), 'api');
  prepareDataDir(config);
  // Shared deployments are given their principals: one generated per process would differ.
  const shared = config.databaseUrl !== undefined || config.eventStoreConnectionString !== undefined;
  const principals = loadOrCreatePrincipals(config.principalsFile, { generate: !shared });
  const log = createJsonLogger(config.logLevel, 'vigie-api');
  if (principals.generatedAdminKey) {
    // Printed once, on the first start only: the file keeps nothing but its sha256. Plain
    // text to the terminal, deliberately not a log line: log lines never hold a key.
    process.stdout.write(
      `\nFirst start: an admin API key was generated (only its sha256 is stored in ${config.principalsFile}).\n` +
        `Admin API key: ${principals.generatedAdminKey}\nKeep it now: it will not be shown again.\n\n`,
    );
  }
  const app = await createApp({ config, principals: principals.byKeyHash, collectProcessMetrics: true, log });
  await app.init();
  // Fastify's own listen, not Nest's: a refused port is answered below in one line, not logged twice.
  await app.getHttpAdapter().getInstance().listen({ port: config.port, host: config.host }).catch((error: unknown) => {
    throw listenError(error, config);
  });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
  log.info(
    { event: 'process.start', role: config.role, store: app.get<EventStore>(EVENT_STORE).kind, port },
    `Vigie API listening on http://${shown}:${port} (role: ${config.role}, store: ${app.get<EventStore>(EVENT_STORE).kind}, data: ${config.dataDir}, docs: /docs)`,
  );
}

bootstrap().catch((error: unknown) => {
  // Bad configuration stops start-up with one line naming the variable.
  const line = error instanceof ConfigError ? `Vigie cannot start: ${error.message}` : `Vigie cannot start: ${(error as Error).message}`;
  process.stderr.write(`${line.split('\n')[0]}\n`);
  process.exit(1);
});
