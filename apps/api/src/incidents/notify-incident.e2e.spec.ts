import { IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, incidentBody, operatorBody, post } from '../../../../test/support/workflow.fixtures';

describe('POST /v1/incidents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await post(t, '/v1/operators', KEYS.admin, operatorBody()).expect(201);
    await post(t, '/v1/operators', KEYS.admin, operatorBody(IDS.operator2, ['hosting'])).expect(201);
  });
  afterAll(async () => t.close());

  it('records an incident notified by an electronic-communications operator', async () => {
    const res = await post(t, '/v1/incidents', KEYS.admin, incidentBody()).expect(201);
    expect(res.body.incidentId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a reporter that is only a hosting provider: 422 OPERATOR_NOT_ELECTRONIC_COMMUNICATIONS', async () => {
    expectProblem(await post(t, '/v1/incidents', KEYS.admin, incidentBody({ reportedBy: IDS.operator2 })), 422, 'OPERATOR_NOT_ELECTRONIC_COMMUNICATIONS');
  });

  it('refuses an unknown reporter: 422 OPERATOR_NOT_FOUND', async () => {
    expectProblem(
      await post(t, '/v1/incidents', KEYS.admin, incidentBody({ reportedBy: '11111111-2222-4333-8444-555555555555' })),
      422,
      'OPERATOR_NOT_FOUND',
    );
  });

  it('refuses an existing id: 409 INCIDENT_EXISTS', async () => {
    const incidentId = '7d1f0d8e-5b7c-4d2a-9e3f-0a1b2c3d4e5f';
    await post(t, '/v1/incidents', KEYS.admin, incidentBody({ incidentId })).expect(201);
    expectProblem(await post(t, '/v1/incidents', KEYS.admin, incidentBody({ incidentId })), 409, 'INCIDENT_EXISTS');
  });

  it.each([
    ['a wrong entity category', { affectedEntity: { name: 'X', category: 'bank' } }, 'affectedEntity.category'],
    ['a time without zone', { observedAt: '2026-03-01T08:00:00' }, 'observedAt'],
    ['a missing entity', { affectedEntity: undefined }, 'affectedEntity'],
  ])('answers 400 for %s', async (_, extra, field) => {
    const res = await post(t, '/v1/incidents', KEYS.admin, incidentBody(extra));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
