import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VigieRuntime } from '@vigie/runtime';

/** What GET /health answers: the API's shape, plus the phase of each projection. */
export interface WorkerHealth {
  readonly status: 'ok' | 'failed';
  readonly role: 'worker';
  readonly store: 'sqlite' | 'eventstoredb';
  readonly projectionsLag: Record<string, string>;
  readonly projections: Record<string, string>;
}

export async function workerHealth(runtime: VigieRuntime): Promise<WorkerHealth> {
  const lag = await runtime.projectionsLag();
  const phases = runtime.runner?.status() ?? [];
  return {
    // A failed projection never catches up by itself: the orchestrator must see it.
    status: phases.some((p) => p.phase === 'failed') ? 'failed' : 'ok',
    role: 'worker',
    store: runtime.store.kind,
    projectionsLag: Object.fromEntries(Object.entries(lag).map(([name, behind]) => [name, behind.toString()])),
    projections: Object.fromEntries(phases.map((p) => [p.name, p.phase])),
  };
}

/**
 * The worker's only HTTP surface, unauthenticated like the API's operations routes:
 * GET /health and GET /metrics (Prometheus text). Plain node:http keeps the process small.
 */
export function createWorkerHttpServer(runtime: VigieRuntime): Server {
  return createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    const answer = async (): Promise<void> => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
      } else if (url === '/health') {
        const health = await workerHealth(runtime);
        res.writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(health));
      } else if (url === '/metrics') {
        await runtime.refreshGauges();
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(await runtime.registry.metrics());
      } else {
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ status: 404, code: 'NOT_FOUND' }));
      }
    };
    answer().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve((server.address() as AddressInfo).port));
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
