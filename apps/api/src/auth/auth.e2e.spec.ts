import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, operatorBody } from '../../../../test/support/workflow.fixtures';

describe('authentication and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers 401 without a key, with a malformed header, or with an unknown key', async () => {
    expectProblem(await t.http.get('/v1/requests'), 401, 'UNAUTHENTICATED');
    expectProblem(await t.http.get('/v1/requests').set('Authorization', KEYS.admin), 401, 'UNAUTHENTICATED');
    expectProblem(await t.http.get('/v1/requests').set(bearer('not-a-key')), 401, 'UNAUTHENTICATED');
  });

  it('answers 403 FORBIDDEN to a known key whose role may not do the thing, and appends nothing', async () => {
    const head = await t.runtime.store.headPosition();
    for (const key of [KEYS.agent, KEYS.operator, KEYS.auditor]) {
      expectProblem(await t.http.post('/v1/operators').set(bearer(key)).send(operatorBody()), 403, 'FORBIDDEN');
    }
    expectProblem(await t.http.post('/v1/requests').set(bearer(KEYS.admin)).send({}), 403, 'FORBIDDEN');
    expect(await t.runtime.store.headPosition()).toBe(head);
  });

  it('lets each role through to what it may do', async () => {
    await t.http.post('/v1/operators').set(bearer(KEYS.admin)).send(operatorBody()).expect(201);
    for (const key of [KEYS.admin, KEYS.agent, KEYS.operator, KEYS.auditor]) {
      await t.http.get('/v1/requests').set(bearer(key)).expect(200);
    }
  });
});
