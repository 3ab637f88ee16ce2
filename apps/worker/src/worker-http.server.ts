import { Inject, Injectable, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@vigie/event-store';
import { EVENT_STORE, LeasedDuties, ProjectionsStatus } from '@vigie/runtime';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';

/** What GET /health answers: the API's shape, plus the phase of each projection. */
export interface WorkerHealth {
  readonly status: 'ok' | 'failed';
  readonly role: 'worker';
  readonly store: 'sqlite' | 'eventstoredb';
  /** Whether this worker holds the lease and so runs the projections and the scheduler; the others stand by. */
  readonly leaseHeld: boolean;
  readonly projectionsLag: Record<string, string>;
  readonly projections: Record<string, string>;
}

/**
 * The worker's only HTTP surface, unauthenticated like the API's operations routes:
 * GET /health and GET /metrics (Prometheus text). Plain node:http keeps the process small.
 */
@Injectable()
export class WorkerHttpServer implements BeforeApplicationShutdown {
  private readonly server: Server;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly projections: ProjectionsStatus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: Registry,
    @Optional() private readonly duties?: LeasedDuties,
  ) {
    this.server = createServer((req, res) => {
      const url = (req.url ?? '/').split('?')[0];
      const answer = async (): Promise<void> => {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, { allow: 'GET, HEAD' }).end();
        } else if (url === '/health') {
          const health = await this.health();
          res.writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(health));
        } else if (url === '/metrics') {
          await this.projections.refreshGauges();
          res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(await this.registry.metrics());
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

  async health(): Promise<WorkerHealth> {
    const lag = await this.projections.projectionsLag();
    const phases = this.projections.phases();
    return {
      // A failed projection never catches up by itself: the orchestrator must see it.
      status: phases.some((p) => p.phase === 'failed') ? 'failed' : 'ok',
      role: 'worker',
      store: this.store.kind,
      leaseHeld: this.duties?.held ?? false,
      projectionsLag: Object.fromEntries(Object.entries(lag).map(([name, behind]) => [name, behind.toString()])),
      projections: Object.fromEntries(phases.map((p) => [p.name, p.phase])),
    };
  }

  /** Resolves to the port it listens on (the real one when `port` is 0). */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve((this.server.address() as AddressInfo).port));
    });
  }

  /** The worker stops answering before its runner and scheduler stop (the root module's hook runs first). */
  beforeApplicationShutdown(): Promise<void> {
    this.closing ??= new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }
}
