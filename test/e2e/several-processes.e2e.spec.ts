import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { finished, spawnTs, waitForOutput } from '../support/spawn-ts';
import { writePrincipalsFile } from '../support/principals-file';
import { IDS, KEYS, tempDir } from '../support/test-app';
import { agentBody, identificationBody, operatorBody } from '../support/workflow.fixtures';

interface Proc {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exit: ReturnType<typeof finished>;
  readonly port: number;
}

/**
 * The "one host, several processes" topology for real: two API replicas (VIGIE_ROLE=api)
 * and two workers, all on one PostgreSQL database and one data dir that holds nothing
 * but the shared events.db.
 */
describe('two API replicas and two workers on one PostgreSQL and one events.db', () => {
  let database: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;
  const running: Proc[] = [];

  const start = async (entry: string, role: 'api' | 'worker', ready: RegExp): Promise<Proc> => {
    const child = spawnTs(entry, [], { ...env, VIGIE_ROLE: role });
    const exit = finished(child);
    const out = await waitForOutput(child, ready, 60_000);
    const port = Number(/(?:localhost:|127\.0\.0\.1:|port )(\d+)/.exec(out)?.[1]);
    const proc = { child, exit, port };
    running.push(proc);
    return proc;
  };
  const api = (p: Proc, method: string, route: string, key: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${p.port}${route}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const json = async (res: Response, status: number): Promise<Record<string, unknown>> => {
    const text = await res.text();
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const health = async (p: Proc): Promise<Record<string, unknown>> => (await fetch(`http://127.0.0.1:${p.port}/health`)).json() as Promise<Record<string, unknown>>;
  const until = async (what: string, check: () => Promise<boolean>, limitMs: number): Promise<number> => {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      if (await check().catch(() => false)) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${what} did not happen within ${limitMs} ms`);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = tempDir();
    const principalsFile = path.join(tempDir(), 'principals.json');
    writePrincipalsFile(principalsFile);
    env = {
      VIGIE_DATA_DIR: dataDir,
      VIGIE_DATABASE_URL: database.url,
      VIGIE_MASTER_KEY: 'cd'.repeat(32),
      VIGIE_PRINCIPALS_FILE: principalsFile,
      VIGIE_HOST: '127.0.0.1',
      VIGIE_SCHEDULER_INTERVAL_MS: '1000',
      PORT: '0',
    };
  });

  afterAll(async () => {
    for (const p of running) p.child.kill('SIGKILL');
    await Promise.all(running.map((p) => p.exit));
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shares keys, idempotency, read models and the lease across processes', async () => {
    const worker1 = await start('apps/worker/src/main.ts', 'worker', /port \d+/);
    await until('worker 1 holding the lease', async () => (await health(worker1)).leaseHeld === true, 15_000);
    const worker2 = await start('apps/worker/src/main.ts', 'worker', /port \d+/);
    const [a, b] = await Promise.all([
      start('apps/api/src/main.ts', 'api', /listening on http:\/\/\S+:\d+/),
      start('apps/api/src/main.ts', 'api', /listening on http:\/\/\S+:\d+/),
    ]);
    expect(await health(worker2)).toMatchObject({ role: 'worker', leaseHeld: false });
    expect(await health(a)).toMatchObject({ status: 'ok', role: 'api' });

    // Read-your-writes on B right after each command answered by A.
    await json(await api(a, 'POST', '/v1/operators', KEYS.admin, operatorBody()), 201);
    await json(await api(b, 'POST', '/v1/agents', KEYS.admin, agentBody()), 201);
    await json(await api(a, 'POST', '/v1/habilitation-lists', KEYS.admin, {}), 201);
    const filed = await json(
      await api(a, 'POST', '/v1/requests', KEYS.agent, identificationBody({ fields: ['identity', 'emailAddress'] })),
      201,
    );
    const requestId = filed.requestId as string;
    expect(await json(await api(b, 'GET', `/v1/requests/${requestId}`, KEYS.agent), 200)).toMatchObject({ requestId, status: 'filed' });

    // A delivery sealed through A opens through B.
    const records = [{ identifier: '203.0.113.7', identity: 'Jeanne Marker-7731', emailAddress: 'jeanne@example.org' }];
    const delivered = await json(await api(a, 'POST', `/v1/requests/${requestId}/delivery`, KEYS.operator, { records }), 201);
    const read = await json(await api(b, 'POST', `/v1/requests/${requestId}/data-access`, KEYS.agent, { purpose: 'alert-holder' }), 200);
    expect(read.records).toEqual(records);

    // An Idempotency-Key answered by A is replayed by B, and refused there with another body.
    const once = { 'idempotency-key': 'register-operator-2' };
    const first = await json(await api(a, 'POST', '/v1/operators', KEYS.admin, operatorBody(IDS.operator2, ['hosting']), once), 201);
    expect(await json(await api(b, 'POST', '/v1/operators', KEYS.admin, operatorBody(IDS.operator2, ['hosting']), once), 201)).toEqual(first);
    const reused = await json(await api(b, 'POST', '/v1/operators', KEYS.admin, { ...operatorBody(IDS.operator2), name: 'Other' }, once), 409);
    expect(reused.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // A purge through B makes the data unreadable through A, and the key is gone from the database.
    await json(await api(b, 'POST', `/v1/requests/${requestId}/purge`, KEYS.agent, { reason: 'alert sent, data no longer needed' }), 200);
    expect((await json(await api(a, 'POST', `/v1/requests/${requestId}/data-access`, KEYS.agent, { purpose: 'alert-holder' }), 410)).code).toBe(
      'DATA_PURGED',
    );
    expect(await activeKeysOf(database.url, delivered.datasetId as string)).toBe(0);

    // SIGKILL of the active worker: the stand-by takes over within 10 s and new commands become visible.
    worker1.child.kill('SIGKILL');
    await worker1.exit;
    const tookOverMs = await until('worker 2 taking the lease', async () => (await health(worker2)).leaseHeld === true, 10_000);
    expect(tookOverMs).toBeLessThan(10_000);
    const operator3 = '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b303';
    await json(await api(b, 'POST', '/v1/operators', KEYS.admin, operatorBody(operator3)), 201);
    const filed2 = await json(await api(b, 'POST', '/v1/requests', KEYS.agent, identificationBody()), 201);
    expect(await json(await api(a, 'GET', `/v1/requests/${filed2.requestId as string}`, KEYS.admin), 200)).toMatchObject({ status: 'filed' });

    // The data dir holds nothing but the shared event log.
    const files = fs.readdirSync(dataDir).filter((f) => !/^events\.db(-wal|-shm)?$/.test(f));
    expect(files).toEqual([]);
  }, 180_000);
});

/** Rows of the vault's key table for one dataset, read straight from PostgreSQL. */
async function activeKeysOf(url: string, datasetId: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM vault_data_keys WHERE dataset_id = $1', [datasetId]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}
