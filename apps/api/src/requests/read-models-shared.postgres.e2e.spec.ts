import * as fs from 'node:fs';
import * as path from 'node:path';
import { ManualClock } from '@vigie/domain';
import { PgDatabase } from '@vigie/postgres';
import { loadConfig } from '@vigie/runtime';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/postgres';
import { bearer, KEYS, startTestApp, tempDir, type TestApp } from '../../../../test/support/test-app';
import { fileIdentification, setUpParties } from '../../../../test/support/workflow.fixtures';
import { startWorker, type RunningWorker } from '../../../worker/src/worker';
import { ALL_PROJECTIONS } from '../projections';

/**
 * VIGIE_DATABASE_URL set: a worker runs the projections into PostgreSQL, and an api that
 * runs none answers from the same tables, read-your-writes through the shared checkpoints.
 */
describe('read models shared in PostgreSQL between a worker and an api replica', () => {
  let database: TestDatabase;
  let worker: RunningWorker;
  let api: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = tempDir();
    const env = { VIGIE_DATA_DIR: dataDir, PORT: '0', VIGIE_MASTER_KEY: 'ab'.repeat(32), VIGIE_DATABASE_URL: database.url };
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    worker = await startWorker(loadConfig({ ...env, VIGIE_ROLE: 'worker' }), { clock });
    api = await startTestApp({ dataDir, clock, env: { VIGIE_DATABASE_URL: database.url }, runProjections: false });
  });

  afterAll(async () => {
    await api?.close();
    await worker?.stop();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a request filed on the api as soon as the command is accepted, from rows the worker wrote', async () => {
    expect(api.runtime.runner).toBeUndefined();
    await setUpParties(api);
    const requestId = await fileIdentification(api);

    const res = await api.http.get(`/v1/requests/${requestId}`).set(bearer(KEYS.agent)).expect(200);
    expect(res.body).toMatchObject({ requestId, status: 'filed', kind: 'subscriber-identification', revision: 0 });
    const report = await api.http.get('/v1/reports/oversight').set(bearer(KEYS.auditor)).expect(200);
    expect(report.body.requests).toMatchObject({ total: 1, byKind: { 'subscriber-identification': 1 } });
    expect(await api.runtime.projectionsLag()).toEqual(Object.fromEntries(ALL_PROJECTIONS.map((p) => [p.name, 0n])));

    // The rows live in PostgreSQL; no process opened a read.db.
    const db = await PgDatabase.connect({ url: database.url, max: 1 });
    try {
      expect(await db.one('SELECT count(*) AS n FROM register_v2__requests')).toEqual({ n: 1 });
    } finally {
      await db.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'read.db'))).toBe(false);
  });
});
