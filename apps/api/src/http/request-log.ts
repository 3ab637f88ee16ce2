import type { JsonLogger } from '@vigie/runtime';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/api-key.guard';

/** Liveness and scrape routes: called every few seconds by machines, they would drown the log at `info`. */
const PROBES = new Set(['/health', '/metrics']);

/**
 * One JSON line per answered request (a probe answered below 400 at `debug`). Only what identifies the call: the method, the
 * route pattern (never the raw URL, whose query may carry search terms), the status, the
 * duration, who called and the request id. Never a header, a key, a body or an answer.
 */
export function installRequestLog(fastify: FastifyInstance, logger: JsonLogger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const route = routeOf(request);
    const probe = status < 400 && route !== null && PROBES.has(route);
    if (probe && !logger.isLevelEnabled('debug')) return done();
    const line = {
      event: 'http.request',
      method: request.method,
      route,
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      principalId: (request as AuthenticatedRequest).principal?.id ?? null,
      correlationId: request.id,
    };
    if (status >= 500) logger.error(line, 'request');
    else if (probe) logger.debug(line, 'request');
    else logger.info(line, 'request');
    done();
  });
}

/** The pattern the router matched (`/v1/requests/:requestId`); null when none did. */
const routeOf = (request: FastifyRequest): string | null => request.routeOptions?.url ?? null;
