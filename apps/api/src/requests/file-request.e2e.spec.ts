import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  agentBody,
  expectProblem,
  fileTechnical,
  identificationBody,
  incidentBody,
  post,
  setUpParties,
  technicalBody,
} from '../../../../test/support/workflow.fixtures';

describe('POST /v1/requests', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpParties(t);
  });
  afterEach(async () => t.close());

  it('files an identification request, recording the decision in force and the legal basis', async () => {
    const res = await post(t, '/v1/requests', KEYS.agent, identificationBody()).expect(201);
    expect(res.body).toEqual({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'filed' });
    const [filed] = await collect(t, `request-${res.body.requestId}`);
    expect(filed.type).toBe('RequestFiled');
    expect(filed.data).toMatchObject({
      kind: 'subscriber-identification',
      legalBasis: 'L2321-3 al. 1',
      agentId: IDS.agent,
      decisionRef: agentBody().decisionRef,
      addresseeRole: 'electronic-communications',
      filedAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('files a technical-data request on a notified incident', async () => {
    const { requestId } = await fileTechnical(t);
    const [filed] = await collect(t, `request-${requestId}`);
    expect(filed.data).toMatchObject({ kind: 'technical-data', legalBasis: 'L2321-3 al. 2', dataCategories: ['traffic', 'routing'] });
  });

  it('refuses an agent absent from the latest list sent to ARCEP', async () => {
    expectProblem(await post(t, '/v1/requests', KEYS.agent2, identificationBody()), 422, 'AGENT_NOT_HABILITATED');
  });

  it('refuses a revoked agent, even one on the list', async () => {
    await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'moved' }).expect(200);
    expectProblem(await post(t, '/v1/requests', KEYS.agent, identificationBody()), 422, 'AGENT_NOT_HABILITATED');
  });

  it('refuses an agent whose habilitation expired', async () => {
    await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'renewal' }).expect(200);
    await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent, { decisionRef: 'PM-2', expiresOn: '2026-03-10' })).expect(201);
    await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
    await post(t, '/v1/requests', KEYS.agent, identificationBody()).expect(201);
    t.clock.set('2026-03-10T00:00:00Z');
    expectProblem(await post(t, '/v1/requests', KEYS.agent, identificationBody()), 422, 'AGENT_NOT_HABILITATED');
  });

  it('refuses an unknown operator', async () => {
    const body = identificationBody({ operatorId: '11111111-2222-4333-8444-555555555555' });
    expectProblem(await post(t, '/v1/requests', KEYS.agent, body), 422, 'OPERATOR_NOT_FOUND');
  });

  it('refuses technical data from a hosting provider (L2321-3 al. 2): OPERATOR_CATEGORY_NOT_ALLOWED', async () => {
    const incident = await post(t, '/v1/incidents', KEYS.admin, incidentBody()).expect(201);
    const body = technicalBody(incident.body.incidentId, { operatorId: IDS.operator2 });
    expectProblem(await post(t, '/v1/requests', KEYS.agent, body), 422, 'OPERATOR_CATEGORY_NOT_ALLOWED');
  });

  it('refuses an unknown incident', async () => {
    expectProblem(await post(t, '/v1/requests', KEYS.agent, technicalBody('11111111-2222-4333-8444-555555555555')), 422, 'INCIDENT_NOT_FOUND');
  });

  it('refuses a period that ends before it starts, or in the future', async () => {
    const incident = await post(t, '/v1/incidents', KEYS.admin, incidentBody()).expect(201);
    const reversed = technicalBody(incident.body.incidentId, { period: { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' } });
    expectProblem(await post(t, '/v1/requests', KEYS.agent, reversed), 422, 'PERIOD_INVALID');
    const future = technicalBody(incident.body.incidentId, { period: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } });
    expectProblem(await post(t, '/v1/requests', KEYS.agent, future), 422, 'PERIOD_INVALID');
  });

  it('refuses an existing request id: 409', async () => {
    const requestId = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
    await post(t, '/v1/requests', KEYS.agent, identificationBody({ requestId })).expect(201);
    expectProblem(await post(t, '/v1/requests', KEYS.agent, identificationBody({ requestId })), 409, 'REQUEST_EXISTS');
  });

  it.each([
    ['an unknown kind', { kind: 'wiretap' }, 'kind'],
    ['a field beyond identity, postal and e-mail address', { fields: ['identity', 'phoneNumber'] }, 'fields'],
    ['a malformed IPv4', { identifiers: [{ type: 'ipv4', value: '300.1.1.1', observedAt: '2026-03-01T00:00:00Z' }] }, 'identifiers[0].value'],
    ['an IPv6 given as IPv4', { identifiers: [{ type: 'ipv4', value: '2001:db8::1', observedAt: '2026-03-01T00:00:00Z' }] }, 'identifiers[0].value'],
    ['a malformed domain', { identifiers: [{ type: 'domain', value: 'not a domain', observedAt: '2026-03-01T00:00:00Z' }] }, 'identifiers[0].value'],
    ['a URL without scheme', { identifiers: [{ type: 'url', value: 'example.org/x', observedAt: '2026-03-01T00:00:00Z' }] }, 'identifiers[0].value'],
    ['a port out of range', { identifiers: [{ type: 'ipv6', value: '2001:db8::1', port: 70000, observedAt: '2026-03-01T00:00:00Z' }] }, 'identifiers[0].port'],
    ['no identifier', { identifiers: [] }, 'identifiers'],
    ['a wrong system status', { systemStatus: 'fine' }, 'systemStatus'],
    ['an unknown field', { urgency: 'high' }, 'urgency'],
    ['a malformed operator id', { operatorId: 'op' }, 'operatorId'],
    ['technical fields on an identification request', { dataCategories: ['traffic'] }, 'dataCategories'],
  ])('answers 400 VALIDATION_FAILED for %s, appending nothing', async (_, extra, field) => {
    const head = await t.runtime.store.headPosition();
    const res = await post(t, '/v1/requests', KEYS.agent, identificationBody(extra));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await t.runtime.store.headPosition()).toBe(head);
  });

  it('answers 400 for a technical request with content categories or a malformed period', async () => {
    const incident = await post(t, '/v1/incidents', KEYS.admin, incidentBody()).expect(201);
    for (const [extra, field] of [
      [{ dataCategories: ['content'] }, 'dataCategories'],
      [{ period: { from: 'yesterday', to: '2026-03-01T00:00:00Z' } }, 'period.from'],
      [{ incidentId: undefined }, 'incidentId'],
    ] as const) {
      const res = await post(t, '/v1/requests', KEYS.agent, technicalBody(incident.body.incidentId, extra));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });

  it('only agents file requests', async () => {
    expectProblem(await t.http.post('/v1/requests').set(bearer(KEYS.operator)).send(identificationBody()), 403, 'FORBIDDEN');
  });
});

async function collect(t: TestApp, stream: string) {
  const events = [];
  for await (const e of t.runtime.store.readStream(stream)) events.push(e);
  return events;
}
