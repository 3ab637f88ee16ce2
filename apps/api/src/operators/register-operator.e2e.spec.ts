import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, operatorBody, post } from '../../../../test/support/workflow.fixtures';

describe('POST /v1/operators', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => t.close());

  it('registers an operator under the given id, as an OperatorRegistered event with full metadata', async () => {
    const res = await post(t, '/v1/operators', KEYS.admin, operatorBody()).expect(201);
    expect(res.body).toEqual({ operatorId: IDS.operator });
    const events = [];
    for await (const e of t.runtime.store.readStream(`operator-${IDS.operator}`)) events.push(e);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('OperatorRegistered');
    expect(events[0].data).toMatchObject({ operatorId: IDS.operator, categories: ['electronic-communications', 'hosting'] });
    expect(events[0].metadata).toMatchObject({
      occurredAt: '2026-03-02T09:00:00.000Z',
      actor: { id: 'p-admin', role: 'admin' },
      schemaVersion: 1,
      eventId: events[0].eventId,
    });
    expect(events[0].metadata.commandId).toEqual(expect.any(String));
    expect(events[0].metadata.correlationId).toEqual(expect.any(String));
    expect(events[0].metadata.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes the id when none is given', async () => {
    const res = await post(t, '/v1/operators', KEYS.admin, { name: 'Host SAS', categories: ['hosting'] }).expect(201);
    expect(res.body.operatorId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an existing id with 409 OPERATOR_EXISTS', async () => {
    await post(t, '/v1/operators', KEYS.admin, operatorBody()).expect(201);
    expectProblem(await post(t, '/v1/operators', KEYS.admin, operatorBody()), 409, 'OPERATOR_EXISTS');
  });

  it.each([
    ['an unknown field', { ...operatorBody(), color: 'red' }, 'color'],
    ['a wrong category', operatorBody(IDS.operator, ['telephone']), 'categories'],
    ['no category', operatorBody(IDS.operator, []), 'categories'],
    ['a malformed id', { ...operatorBody(), operatorId: 'op-1' }, 'operatorId'],
    ['no name', { categories: ['hosting'] }, 'name'],
  ])('answers 400 VALIDATION_FAILED for %s, naming the field, and appends nothing', async (_, body, field) => {
    const res = await post(t, '/v1/operators', KEYS.admin, body);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await t.runtime.store.headPosition()).toBe(0n);
  });

  it('never shows a stack trace', async () => {
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).set('content-type', 'application/json').send('{"name":');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
