import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ManualClock } from '@vigie/domain';
import { PgDatabase } from '@vigie/postgres';
import { loadConfig, type VigieConfig } from '@vigie/runtime';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/postgres';
import { bearer, IDS, KEYS, tempDir, testPrincipals, testRuntime, type TestRuntime } from '../../../../test/support/test-app';
import { agentBody, expectProblem } from '../../../../test/support/workflow.fixtures';
import { createApp } from '../app.factory';
import { PgIdempotencyStore } from './pg-idempotency.store';

/**
 * Two API replicas in front of one event store, each with its own pool to the shared
 * idempotency table: what one answered, the other replays; a key runs once across both.
 */
describe('Idempotency-Key across two API replicas sharing PostgreSQL', () => {
  let database: TestDatabase;
  let runtime: TestRuntime;
  const pools: PgDatabase[] = [];
  const apps: NestFastifyApplication[] = [];
  let replicaA: ReturnType<typeof request>;
  let replicaB: ReturnType<typeof request>;

  /** Both replicas share the data dir's event log; only the first runs the projections. */
  const replica = async (name: string, config: VigieConfig, runProjections: boolean): Promise<NestFastifyApplication> => {
    const pool = await PgDatabase.connect({ url: database.url, max: 4, applicationName: name });
    pools.push(pool);
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    const app = await createApp({
      config,
      principals: testPrincipals(),
      clock,
      logger: false,
      runProjections,
      idempotencyStore: await PgIdempotencyStore.open(pool),
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    apps.push(app);
    return app;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ VIGIE_DATA_DIR: tempDir(), PORT: '0', VIGIE_MASTER_KEY: 'ab'.repeat(32) });
    const a = await replica('replica-a', config, true);
    runtime = testRuntime(a);
    replicaA = request(a.getHttpServer());
    replicaB = request((await replica('replica-b', config, false)).getHttpServer());
  });
  afterEach(async () => {
    for (const app of apps.splice(0).reverse()) await app.close();
    await Promise.all(pools.splice(0).map((p) => p.close()));
    await database.drop();
  });

  const post = (http: ReturnType<typeof request>, key: string, body: object) =>
    http.post('/v1/operators').set(bearer(KEYS.admin)).set('Idempotency-Key', key).send(body);

  it('replays on B the answer A gave, and appends nothing', async () => {
    const body = { name: 'Example Telecom', categories: ['electronic-communications'] };
    const first = await post(replicaA, 'retry-1', body).expect(201);
    const head = await runtime.store.headPosition();
    const again = await post(replicaB, 'retry-1', body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await runtime.store.headPosition()).toBe(head);
  });

  it('replays on B a refusal A remembered, even though running the command again would now succeed', async () => {
    const revoke = (http: ReturnType<typeof request>) =>
      http.post(`/v1/agents/${IDS.agent}/revocation`).set(bearer(KEYS.admin)).set('Idempotency-Key', 'revoke').send({ reason: 'Left the post' });
    expectProblem(await revoke(replicaA), 404, 'NOT_FOUND');
    await replicaA.post('/v1/agents').set(bearer(KEYS.admin)).send(agentBody()).expect(201);
    expectProblem(await revoke(replicaB), 404, 'NOT_FOUND');
  });

  it('refuses on B the key A answered when the body differs: 409 IDEMPOTENCY_KEY_REUSED, nothing appended', async () => {
    await post(replicaA, 'k', { name: 'A', categories: ['hosting'] }).expect(201);
    const head = await runtime.store.headPosition();
    expectProblem(await post(replicaB, 'k', { name: 'B', categories: ['hosting'] }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(await runtime.store.headPosition()).toBe(head);
  });

  // One outcome for all: the shared lock makes the others wait and replay. (The command id derived from the key
  // would keep the stream at one event even without it; pg-idempotency.replicas.int.spec counts the executions.)
  it('answers retries racing on both replicas with one outcome', async () => {
    const body = { name: 'Burst SA', categories: ['hosting'] };
    const answers = await Promise.all([replicaA, replicaB, replicaA, replicaB, replicaA, replicaB].map((http) => post(http, 'burst', body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.operatorId)).size).toBe(1);
    expect(await runtime.store.headPosition()).toBe(1n);
  });
});
