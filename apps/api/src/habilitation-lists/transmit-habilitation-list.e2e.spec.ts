import { IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { agentBody, expectProblem, post } from '../../../../test/support/workflow.fixtures';

describe('POST /v1/habilitation-lists', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => t.close());

  it('refuses an empty list: 422 NO_HABILITATED_AGENT', async () => {
    expectProblem(await post(t, '/v1/habilitation-lists', KEYS.admin, {}), 422, 'NO_HABILITATED_AGENT');
  });

  it('snapshots the agents habilitated now, versioned', async () => {
    await post(t, '/v1/agents', KEYS.admin, agentBody()).expect(201);
    await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent2, { habilitatedOn: '2026-04-01' })).expect(201);
    const first = await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
    expect(first.body).toEqual({ listVersion: 1, agentIds: [IDS.agent], transmittedAt: '2026-03-02T09:00:00.000Z' });

    t.clock.set('2026-04-01T08:00:00Z');
    await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'moved' }).expect(200);
    const second = await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
    expect(second.body).toEqual({ listVersion: 2, agentIds: [IDS.agent2], transmittedAt: '2026-04-01T08:00:00.000Z' });
  });

  it('leaves out an agent whose habilitation expired', async () => {
    await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent, { expiresOn: '2026-03-02' })).expect(201);
    await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent2)).expect(201);
    expect((await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201)).body.agentIds).toEqual([IDS.agent2]);
  });

  it('takes no parameter', async () => {
    await post(t, '/v1/agents', KEYS.admin, agentBody()).expect(201);
    expectProblem(await post(t, '/v1/habilitation-lists', KEYS.admin, { agentIds: [IDS.agent2] }), 400, 'VALIDATION_FAILED');
  });
});
