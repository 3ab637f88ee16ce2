import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { progress } from '../bench-timer';
import { spawnServer, waitFor200, type ChildServer } from './child-server';
import { freePort } from './free-port';

/** The repository root: `npm start` and the build run there. */
export const ROOT = path.resolve(__dirname, '../../..');
export const MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');

/** The bench's principals, written to the bootstrap file of each data dir (docs/operations.md). */
export const BENCH_KEYS = { admin: 'bench-admin-key', agent: 'bench-agent-key', operator: 'bench-operator-key' } as const;
export const BENCH_IDS = { agent: '6f1c2a52-8a0e-4c53-9d0e-00000000be01', operator: '0b7e3c1d-2f4a-4b5c-8d6e-00000000be01' } as const;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A data dir holding only the bootstrap principals file: the rest is made by Vigie's first start. */
export function prepareDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const principals = [
    { id: 'bench-admin', role: 'admin', keySha256: sha256(BENCH_KEYS.admin) },
    { id: 'bench-agent', role: 'agent', agentId: BENCH_IDS.agent, keySha256: sha256(BENCH_KEYS.agent) },
    { id: 'bench-operator', role: 'operator', operatorId: BENCH_IDS.operator, keySha256: sha256(BENCH_KEYS.operator) },
  ];
  fs.writeFileSync(path.join(dir, 'principals.json'), `${JSON.stringify(principals, null, 2)}\n`, { mode: 0o600 });
}

let built = false;

/**
 * The build `npm start` runs before it starts node (scripts/build-apps.mjs: `nest build api`
 * unless dist already holds a build of these very sources), once per bench run: the first
 * start of the restart figure is then the one that built, as on a user's machine.
 */
export function buildApiOnce(): void {
  if (built) return;
  progress('http: node scripts/build-apps.mjs api (as npm start builds)');
  execFileSync(process.execPath, ['scripts/build-apps.mjs', 'api'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

export interface RunningVigie {
  readonly server: ChildServer;
  readonly base: string;
  readonly port: number;
  /** What /health answered first, and the ms from spawn to that 200. */
  readonly firstHealth: { readonly body: unknown; readonly ms: number };
  stop(): Promise<number | null>;
}

/**
 * Vigie as `npm start` runs it: embedded store, synchronous=FULL, projections in the
 * process, the default log level (JSON lines go to a file in the data dir's parent).
 * `how: 'node'` starts the built main.js; `'npm-start'` runs `npm start` itself (its
 * build step included). The port is chosen free beforehand so /health can be polled
 * from the moment of the spawn.
 */
const nodeArgs = (): string[] => (process.env.VIGIE_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

export async function startVigie(dataDir: string, options: { readonly how?: 'node' | 'npm-start'; readonly timeoutMs?: number; readonly logName?: string } = {}): Promise<RunningVigie> {
  const port = await freePort();
  const how = options.how ?? 'node';
  const logFile = path.join(path.dirname(dataDir), `${options.logName ?? path.basename(dataDir)}-${how}.log`);
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIE_DATA_DIR: dataDir, PORT: String(port), VIGIE_HOST: '127.0.0.1' };
  for (const unset of ['VIGIE_DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'VIGIE_ROLE', 'VIGIE_PRINCIPALS_FILE', 'VIGIE_MASTER_KEY', 'VIGIE_LOG_LEVEL']) delete env[unset];
  const server = spawnServer({
    command: how === 'node' ? process.execPath : 'npm',
    // VIGIE_BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
    args: how === 'node' ? [...nodeArgs(), MAIN] : ['start'],
    cwd: ROOT,
    env,
    logFile,
    portPattern: /"port":(\d+)/,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const health = await waitFor200(`${base}/health`, options.timeoutMs ?? 180_000);
    return { server, base, port, firstHealth: { body: health.body, ms: Math.round(health.at - server.spawnedAt) }, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.log().slice(-2000)}`);
  }
}

export interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

export async function call(base: string, method: string, route: string, key?: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The call must answer `status`; anything else stops the bench with Vigie's answer. */
export async function expect(status: number, base: string, method: string, route: string, key: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await call(base, method, route, key, body);
  if (res.status !== status) throw new Error(`${method} ${route} answered ${res.status}, expected ${status}: ${JSON.stringify(res.json)}`);
  return res.json;
}

/** Projections caught up: /health says ok and every projection is 0 events behind the head. */
export async function waitCaughtUp(base: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const deadline = performance.now() + timeoutMs;
  let last: Record<string, unknown> = {};
  while (performance.now() < deadline) {
    last = (await call(base, 'GET', '/health')).json;
    const lag = (last.projectionsLag ?? {}) as Record<string, string>;
    if (Object.keys(lag).length > 0 && Object.values(lag).every((behind) => behind === '0')) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Projections not caught up within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}
