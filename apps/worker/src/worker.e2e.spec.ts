import { ManualClock } from '@vigie/domain';
import { loadConfig } from '@vigie/runtime';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { createApp } from '../../api/src/app.factory';
import { bearer, KEYS, tempDir, testPrincipals, testRuntime, type TestRuntime } from '../../../test/support/test-app';
import { agentBody, identificationBody, operatorBody } from '../../../test/support/workflow.fixtures';
import { startWorker, type RunningWorker } from './worker';

/**
 * The multi-replica deployment on one data dir: the worker runs every projection, the API
 * (VIGIE_ROLE=api) runs none and still reads its own writes, by waiting on the checkpoints
 * the worker commits to the shared read store.
 */
describe('worker and VIGIE_ROLE=api on one data dir', () => {
  const dataDir = tempDir();
  const env = { VIGIE_DATA_DIR: dataDir, PORT: '0', VIGIE_MASTER_KEY: 'ab'.repeat(32) };
  let worker: RunningWorker;
  let api: Awaited<ReturnType<typeof createApp>>;
  let apiRuntime: TestRuntime;
  let workerRuntime: TestRuntime;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    worker = await startWorker(loadConfig({ ...env, VIGIE_ROLE: 'worker' }), { clock });
    const apiConfig = loadConfig({ ...env, VIGIE_ROLE: 'api' });
    api = await createApp({ config: apiConfig, principals: testPrincipals(), clock, logger: false });
    await api.init();
    apiRuntime = testRuntime(api);
    workerRuntime = testRuntime(worker.context);
    await api.getHttpAdapter().getInstance().ready();
    http = request(api.getHttpServer());
  });

  afterAll(async () => {
    await api.close();
    await worker.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (path: string, key: string, body: object) => http.post(path).set(bearer(key)).set('content-type', 'application/json').send(body);

  it('the api runs no projection and no scheduler; the worker runs them all', () => {
    expect(apiRuntime.runner).toBeUndefined();
    expect(apiRuntime.scheduler).toBeUndefined();
    expect(workerRuntime.runner?.status().map((s) => s.name)).toEqual(expect.arrayContaining(['register', 'agents', 'oversight']));
  });

  it('answers GET /v1/requests/{id} right after the command, from the worker’s read model', async () => {
    await post('/v1/operators', KEYS.admin, operatorBody()).expect(201);
    await post('/v1/agents', KEYS.admin, agentBody()).expect(201);
    await post('/v1/habilitation-lists', KEYS.admin, {}).expect(201);
    const filed = await post('/v1/requests', KEYS.agent, identificationBody()).expect(201);
    const requestId = filed.body.requestId as string;
    const res = await http.get(`/v1/requests/${requestId}`).set(bearer(KEYS.auditor)).expect(200);
    expect(res.body).toMatchObject({ requestId, status: 'filed', kind: 'subscriber-identification' });
  });

  it('reports on the api replica the lag of the projections its worker runs', async () => {
    await workerRuntime.settle(await apiRuntime.store.headPosition());
    const health = await http.get('/health').expect(200);
    expect(health.body.projectionsLag).toMatchObject({ register: '0', agents: '0', oversight: '0', retention: '0', compensation: '0' });
  });

  it('serves /health and /metrics on its own port', async () => {
    const health = await request(`http://127.0.0.1:${worker.port}`).get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', role: 'worker', store: 'sqlite' });
    expect(health.body.projections.register).toBe('running');
    const metrics = await request(`http://127.0.0.1:${worker.port}`).get('/metrics').expect(200);
    expect(metrics.text).toContain('vigie_projection_lag_events{projection="register"}');
    await request(`http://127.0.0.1:${worker.port}`).get('/nothing').expect(404);
  });
});
