import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { deliver, fileIdentification, prepareParties } from '../../../../test/support/data-use.fixtures';
import { expectProblem } from '../../../../test/support/workflow.fixtures';

/** Defect 5: delivered identification records were not typed; unrequested identifiers were accepted. */
describe('delivered identification records are typed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await prepareParties(t);
  });
  afterAll(async () => t.close());

  const person = { identifier: '192.0.2.10', identity: 'Jeanne Dupont', emailAddress: 'jeanne@example.org' };

  it.each<[string, Record<string, unknown> | string]>([
    ['an emailAddress of 12', { ...person, emailAddress: 12 }],
    ['an emailAddress of true', { ...person, emailAddress: true }],
    ['an emailAddress of null', { ...person, emailAddress: null }],
    ['an emailAddress array of 3,000 strings', { ...person, emailAddress: new Array(3000).fill('a@example.org') }],
    ['an emailAddress that is not one', { ...person, emailAddress: 'jeanne' }],
    ['an identity object', { ...person, identity: { name: 'Jeanne' } }],
    ['an identifier of 1e400', `{"identifier":1e400,"identity":"Jeanne"}`],
    ['a record without any field', { identifier: '192.0.2.10' }],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field, and appends nothing', async (_label, record) => {
    const requestId = await fileIdentification(t);
    const before = await t.runtime.store.headPosition();
    const body = typeof record === 'string' ? `{"records":[${record}]}` : JSON.stringify({ records: [record] });
    const res = await t.http.post(`/v1/requests/${requestId}/delivery`).set(bearer(KEYS.operator)).set('content-type', 'application/json').send(body);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0].field).toMatch(/^records\[0\]/);
    expect(await t.runtime.store.headPosition()).toBe(before);
  });

  it('refuses a record for an identifier the request never named: 422 IDENTIFIER_NOT_REQUESTED', async () => {
    const requestId = await fileIdentification(t);
    const before = await t.runtime.store.headPosition();
    const res = await deliver(t, requestId, [person, { ...person, identifier: '198.51.100.77' }]);
    expectProblem(res, 422, 'IDENTIFIER_NOT_REQUESTED');
    expect(await t.runtime.store.headPosition()).toBe(before);
  });

  it('an e-mail alert needs a delivered e-mail address, now always a real one', async () => {
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, [{ identifier: '192.0.2.11', identity: 'Paul Durand' }]).expect(201);
    const res = await t.http
      .post(`/v1/requests/${requestId}/alerts`)
      .set(bearer(KEYS.agent))
      .send({ recipient: { recordIndex: 0 }, channel: 'email', message: 'Your host is in a botnet' });
    expectProblem(res, 422, 'CHANNEL_NOT_DELIVERED');
  });
});
