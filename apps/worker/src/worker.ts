import type { Clock } from '@vigie/domain';
import { ALL_PROJECTIONS } from '@vigie/runtime/all-projections';
import { VigieRuntime, type VigieConfig } from '@vigie/runtime';
import { closeServer, createWorkerHttpServer, listen } from './worker-http.server';

export interface RunningWorker {
  readonly runtime: VigieRuntime;
  /** The port /health and /metrics listen on (the real one when PORT is 0). */
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * The worker process: every projection and the retention scheduler (VigieRuntime starts
 * it with the projections), and nothing else; API replicas started with VIGIE_ROLE=api
 * read the same read store and wait on the checkpoints this process writes.
 */
export async function startWorker(config: VigieConfig, options: { clock?: Clock; collectProcessMetrics?: boolean } = {}): Promise<RunningWorker> {
  const runtime = await VigieRuntime.open(config, {
    runProjections: true,
    projections: ALL_PROJECTIONS,
    collectProcessMetrics: options.collectProcessMetrics ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const server = createWorkerHttpServer(runtime);
  let port: number;
  try {
    port = await listen(server, config.port);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    runtime,
    port,
    // Stop answering first, then let the runner finish its batch and close the stores.
    stop: () => (stopping ??= closeServer(server).then(() => runtime.close())),
  };
}
