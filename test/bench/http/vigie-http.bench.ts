import * as path from 'node:path';
import type { MeasuredFigure } from '../bench-report';
import { progress } from '../bench-timer';
import { spawnServer } from './child-server';
import { fire, runLoad } from './http-load';
import { BENCH_IDS, BENCH_KEYS, buildApiOnce, expect, prepareDataDir, ROOT, startVigie, waitCaughtUp } from './vigie-server';

export const CONNECTIONS = 64;
/** The list figure is taken over a register at least this large. */
const LISTED_REQUESTS = 10_000;

const auth = (key: string, json = false): Record<string, string> => ({
  authorization: `Bearer ${key}`,
  ...(json ? { 'content-type': 'application/json' } : {}),
});

/** A UUID per (run, kind, n): unique across runs so a reused data dir never answers 409. */
export const benchUuid = (kind: number, n: number): string =>
  `${(process.pid % 0xffff).toString(16).padStart(4, '0')}${kind.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const identificationRequest = {
  kind: 'subscriber-identification',
  operatorId: BENCH_IDS.operator,
  systemStatus: 'attacked',
  identifiers: [{ type: 'ipv4', value: '203.0.113.7', port: 443, observedAt: '2026-03-01T22:10:00Z' }],
  fields: ['identity', 'emailAddress'],
  justification: 'Botnet command server observed on this address',
};

const delivery = JSON.stringify({
  records: Array.from({ length: 10 }, (_, i) => ({ identifier: '203.0.113.7', identity: `Subscriber ${i} of the attacked host`, emailAddress: `holder${i}@example.org` })),
});

/** The filing load: POST /v1/requests by the habilitated agent; every 201's requestId goes to `ids`. */
export const filingRequests = (ids: string[]): Parameters<typeof runLoad>[0]['requests'] => [
  {
    method: 'POST',
    path: '/v1/requests',
    headers: auth(BENCH_KEYS.agent, true),
    body: JSON.stringify(identificationRequest),
    onResponse: (status, body) => {
      if (status === 201) ids.push((JSON.parse(body) as { requestId: string }).requestId);
    },
  },
];

/** Operator registered, agent habilitated and on the list sent to ARCEP: what filing needs. */
export async function setUpParties(base: string): Promise<void> {
  await expect(201, base, 'POST', '/v1/operators', BENCH_KEYS.admin, { operatorId: BENCH_IDS.operator, name: 'Bench operator', categories: ['electronic-communications', 'hosting'] });
  await expect(201, base, 'POST', '/v1/agents', BENCH_KEYS.admin, { agentId: BENCH_IDS.agent, fullName: 'Bench Agent', decisionRef: 'PM-BENCH-0001', habilitatedOn: '2026-01-15' });
  await expect(201, base, 'POST', '/v1/habilitation-lists', BENCH_KEYS.admin, {});
}

/** The minimal NestJS 11 + Fastify app answering GET /hello (hello.main.ts), in its own process. */
export interface HelloServer {
  readonly url: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export async function startHello(dir: string): Promise<HelloServer> {
  const hello = spawnServer({
    command: process.execPath,
    args: ['-r', '@swc-node/register', path.join(__dirname, 'hello.main.ts')],
    cwd: ROOT,
    env: process.env,
    logFile: path.join(dir, 'hello.log'),
    portPattern: /listening on (\d+)/,
  });
  try {
    const port = await hello.port(60_000);
    return { url: `http://127.0.0.1:${port}`, pid: hello.child.pid, stop: async () => void (await hello.stop()) };
  } catch (error) {
    await hello.stop();
    throw error;
  }
}

/** One load of GET /hello: the HTTP baseline. */
export function loadHello(hello: HelloServer, seconds: number, label: string): Promise<MeasuredFigure> {
  return runLoad({ label, url: hello.url, seconds, connections: CONNECTIONS, expectedStatus: 200, requests: [{ method: 'GET', path: '/hello' }], serverPid: hello.pid });
}

/** The loads of the HTTP section, by the name `--routes` takes. */
export const HTTP_ROUTES = ['health', 'register', 'file', 'delivery', 'get', 'list'] as const;
export type HttpRoute = (typeof HTTP_ROUTES)[number];

/** `--routes a,b`: only those loads (to profile one route alone); every one without it. */
export function routesToLoad(option: string | undefined): ReadonlySet<HttpRoute> {
  if (option === undefined) return new Set(HTTP_ROUTES);
  const asked = option.split(',').map((s) => s.trim());
  const unknown = asked.filter((r) => !(HTTP_ROUTES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`--routes takes ${HTTP_ROUTES.join(', ')}; unknown: ${unknown.join(', ')}`);
  return new Set(asked as HttpRoute[]);
}

export interface HttpSection {
  readonly figures: Record<string, MeasuredFigure>;
  /** The data dir, stopped, after one start: the restart section starts it again. */
  readonly dataDir: string;
  readonly requestsFiled: number;
}

/**
 * Vigie as `npm start` runs it, each endpoint loaded by autocannon at 64 connections for
 * `seconds`: /health, registering operators, filing requests, delivering (each filed
 * request once), reading one request, listing the default page over ≥ 10,000 requests.
 */
export async function benchHttp(dir: string, seconds: number, routes: ReadonlySet<HttpRoute> = new Set(HTTP_ROUTES)): Promise<HttpSection> {
  const hello = await startHello(dir);
  try {
    progress(`http: baseline, minimal NestJS + Fastify GET /hello, ${CONNECTIONS} connections, ${seconds} s`);
    // The first load also warms the baseline's server up: the ones each route is divided by run warm.
    const figures: Record<string, MeasuredFigure> = { http_hello: await loadHello(hello, seconds, 'HTTP baseline: NestJS+Fastify GET /hello') };
    return await benchVigieHttp(dir, seconds, routes, hello, figures);
  } finally {
    await hello.stop();
  }
}

async function benchVigieHttp(dir: string, seconds: number, routes: ReadonlySet<HttpRoute>, hello: HelloServer, figures: Record<string, MeasuredFigure>): Promise<HttpSection> {
  buildApiOnce();
  const dataDir = path.join(dir, 'http-data');
  prepareDataDir(dataDir);
  const vigie = await startVigie(dataDir);
  const base = vigie.base;
  /**
   * Each route is divided by a load of /hello run just before it, Vigie idle (its
   * projections caught up): this machine's speed moved by a third between two runs a
   * minute apart, and a ratio to a baseline taken minutes earlier moved as much.
   */
  const load = async (route: HttpRoute, key: string, label: string, expectedStatus: number, requests: Parameters<typeof runLoad>[0]['requests'], target: MeasuredFigure['target'], failures?: () => string[]): Promise<void> => {
    await waitCaughtUp(base, 10 * 60_000);
    const baseline = `http_hello_${route}`;
    progress(`http: baseline again, right before ${label}, ${seconds} s`);
    figures[baseline] = await loadHello(hello, seconds, `  HTTP baseline, just before ${route}`);
    progress(`http: ${label}, ${CONNECTIONS} connections, ${seconds} s`);
    figures[key] = await runLoad({ label, url: base, seconds, connections: CONNECTIONS, expectedStatus, requests, baseline, target, serverPid: vigie.server.child.pid, ...(failures ? { failures } : {}) });
  };
  const ids: string[] = [];
  try {
    await setUpParties(base);
    if (routes.has('health')) await load('health', 'http_health', 'HTTP GET /health', 200, [{ method: 'GET', path: '/health' }], { ratio_at_least: 0.8 });

    let operators = 0;
    if (routes.has('register')) await load('register', 'http_register_operator', 'HTTP POST /v1/operators (new operator each)', 201, [
      {
        method: 'POST',
        path: '/v1/operators',
        headers: auth(BENCH_KEYS.admin, true),
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ operatorId: benchUuid(1, operators++), name: `Operator ${operators}`, categories: ['hosting'] }) }),
      },
    ], { ratio_at_least: 0.35, p99_ms_at_most: 30 });

    if (routes.has('file')) await load('file', 'http_file_request', 'HTTP POST /v1/requests (identification)', 201, filingRequests(ids), { ratio_at_least: 0.25, p99_ms_at_most: 40 });

    // Each request is delivered once: file enough beforehand (more than the filing load did,
    // since a delivery seals data but does less validation) and for the list's 10,000.
    // Without the filing load (--routes), as many as a delivery load is expected to use.
    const reading = routes.has('delivery') || routes.has('get') || routes.has('list');
    const forList = routes.has('list') ? LISTED_REQUESTS : 0;
    const forDelivery = routes.has('delivery') ? Math.ceil((routes.has('file') ? ids.length : 1_000 * seconds) * 1.5) : 0;
    const wanted = reading ? Math.max(forList, forDelivery, CONNECTIONS) : 0;
    if (ids.length < wanted) {
      progress(`http: filing ${(wanted - ids.length).toLocaleString('en-US')} more requests (not timed) for the delivery and list loads`);
      // autocannon takes no fewer requests than connections.
      const statuses = await fire(base, Math.max(CONNECTIONS, wanted - ids.length), CONNECTIONS, filingRequests(ids));
      if (ids.length < wanted) throw new Error(`Pre-filing answered ${JSON.stringify(Object.fromEntries(statuses))}`);
    }
    const filed = ids.length;

    let next = 0;
    let ranOut = false;
    if (routes.has('delivery')) await load('delivery', 'http_delivery', 'HTTP POST /v1/requests/{id}/delivery (10 records)', 201, [
      {
        method: 'POST',
        headers: auth(BENCH_KEYS.operator, true),
        body: delivery,
        setupRequest: (req) => {
          if (next >= ids.length) ranOut = true;
          // Out of undelivered requests: the last one again, which is refused and so counted against the figure.
          return { ...req, path: `/v1/requests/${ids[Math.min(next++, ids.length - 1)]}/delivery` };
        },
      },
    ], { ratio_at_least: 0.15 }, () => (ranOut ? [`ran out of filed requests (${ids.length}) to deliver`] : []));

    let read = 0;
    if (routes.has('get')) await load('get', 'http_get_request', 'HTTP GET /v1/requests/{id}', 200, [
      { method: 'GET', headers: auth(BENCH_KEYS.agent), setupRequest: (req) => ({ ...req, path: `/v1/requests/${ids[read++ % ids.length]}` }) },
    ], { ratio_at_least: 0.6 });

    if (routes.has('list')) await load('list', 'http_list_requests', `HTTP GET /v1/requests (default page, ${filed.toLocaleString('en-US')} filed)`, 200, [
      { method: 'GET', path: '/v1/requests', headers: auth(BENCH_KEYS.agent) },
    ], { ratio_at_least: 0.2 });
    return { figures, dataDir, requestsFiled: filed };
  } finally {
    await vigie.stop();
  }
}
