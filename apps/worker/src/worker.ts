import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Clock } from '@vigie/domain';
import { listenError, type VigieConfig } from '@vigie/runtime';
import { WorkerHttpServer } from './worker-http.server';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  /** The worker's modules: its runner, scheduler and stores, for the tests and the start-up line. */
  readonly context: INestApplicationContext;
  /** The port /health and /metrics listen on (the real one when PORT is 0). */
  readonly port: number;
  stop(): Promise<void>;
}

/** Builds the worker's modules (the runner starts with them), then serves /health and /metrics. */
export async function startWorker(
  config: VigieConfig,
  options: { clock?: Clock; collectProcessMetrics?: boolean; logger?: LoggerService } = {},
): Promise<RunningWorker> {
  const { logger, ...moduleOptions } = options;
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, moduleOptions), { logger: logger ?? false, abortOnError: false });
  let port: number;
  try {
    port = await context.get(WorkerHttpServer).listen(config.port, config.host);
  } catch (error) {
    await context.close();
    throw listenError(error, config);
  }
  let stopping: Promise<void> | undefined;
  return {
    context,
    port,
    // Stop answering first, then let the runner finish its batch and close the stores.
    stop: () => (stopping ??= context.close()),
  };
}
