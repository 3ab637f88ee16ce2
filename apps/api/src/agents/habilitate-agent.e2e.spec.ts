import { IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { agentBody, expectProblem, post } from '../../../../test/support/workflow.fixtures';

describe('agents and their habilitation', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => t.close());

  it('records a habilitation decision and its withdrawal', async () => {
    expect((await post(t, '/v1/agents', KEYS.admin, agentBody()).expect(201)).body).toEqual({ agentId: IDS.agent });
    const res = await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'Left the post' }).expect(200);
    expect(res.body).toEqual({ agentId: IDS.agent, revokedAt: '2026-03-02T09:00:00.000Z' });
    const types = [];
    for await (const e of t.runtime.store.readStream(`agent-${IDS.agent}`)) types.push(e.type);
    expect(types).toEqual(['AgentHabilitated', 'AgentHabilitationRevoked']);
  });

  it('refuses to revoke twice: 422 AGENT_NOT_HABILITATED', async () => {
    await post(t, '/v1/agents', KEYS.admin, agentBody()).expect(201);
    await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'r' }).expect(200);
    expectProblem(await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'r' }), 422, 'AGENT_NOT_HABILITATED');
  });

  it('answers 404 for an unknown agent and 400 for a malformed id', async () => {
    expectProblem(await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'r' }), 404, 'NOT_FOUND');
    expectProblem(await post(t, '/v1/agents/not-a-uuid/revocation', KEYS.admin, { reason: 'r' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a second decision while one is in force (409 AGENT_EXISTS), accepts a new one after revocation', async () => {
    await post(t, '/v1/agents', KEYS.admin, agentBody()).expect(201);
    expectProblem(await post(t, '/v1/agents', KEYS.admin, agentBody()), 409, 'AGENT_EXISTS');
    await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'r' }).expect(200);
    await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent, { decisionRef: 'PM-2026-NEW' })).expect(201);
  });

  it('refuses an expiry before the start: 422 PERIOD_INVALID', async () => {
    expectProblem(await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent, { expiresOn: '2026-01-01' })), 422, 'PERIOD_INVALID');
  });

  it.each([
    ['an impossible date', { habilitatedOn: '2026-02-30' }, 'habilitatedOn'],
    ['a date-time for a date', { habilitatedOn: '2026-01-15T00:00:00Z' }, 'habilitatedOn'],
    ['an empty decision reference', { decisionRef: '' }, 'decisionRef'],
    ['an unknown field', { rank: 'chief' }, 'rank'],
  ])('answers 400 for %s', async (_, extra, field) => {
    const res = await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent, extra));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await t.runtime.store.headPosition()).toBe(0n);
  });
});
