import Database from 'better-sqlite3';
import * as path from 'node:path';
import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, identificationBody, operatorBody, post, setUpParties } from '../../../../test/support/workflow.fixtures';

const postWithKey = (t: TestApp, key: string | undefined, body: object) => {
  const req = t.http.post('/v1/operators').set(bearer(KEYS.admin));
  return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
};

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('returns the first answer again for the same key and body, and appends nothing', async () => {
    t = await startTestApp();
    const body = { name: 'Example Telecom', categories: ['electronic-communications'] };
    const first = await postWithKey(t, 'retry-1', body).expect(201);
    const head = await t.runtime.store.headPosition();
    const second = await postWithKey(t, 'retry-1', body).expect(201);
    expect(second.body).toEqual(first.body);
    expect(await t.runtime.store.headPosition()).toBe(head);
  });

  it('answers concurrent retries with one key with one outcome', async () => {
    t = await startTestApp();
    const body = { name: 'Example Telecom', categories: ['electronic-communications'] };
    const answers = await Promise.all([1, 2, 3, 4].map(() => postWithKey(t, 'burst', body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.operatorId)).size).toBe(1);
    expect(await t.runtime.store.headPosition()).toBe(1n);
  });

  it('replays a stored refusal (4xx) even once the retry would succeed, and appends nothing', async () => {
    t = await startTestApp();
    await setUpParties(t);
    const refused = await post(t, '/v1/requests', KEYS.agent2, identificationBody()).set('Idempotency-Key', 'early');
    expectProblem(refused, 422, 'AGENT_NOT_HABILITATED');
    // The list now names agent 2: the same command, decided again, would be filed.
    await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
    const head = await t.runtime.store.headPosition();
    const again = await post(t, '/v1/requests', KEYS.agent2, identificationBody()).set('Idempotency-Key', 'early');
    expectProblem(again, 422, 'AGENT_NOT_HABILITATED');
    expect(again.body).toEqual(refused.body);
    expect(await t.runtime.store.headPosition()).toBe(head);
  });

  it('does not remember a 409: the same key and body are decided again (same 409), and the key stays free', async () => {
    t = await startTestApp();
    await postWithKey(t, undefined, operatorBody()).expect(201);
    expectProblem(await postWithKey(t, 'dup', operatorBody()), 409, 'OPERATOR_EXISTS');
    expectProblem(await postWithKey(t, 'dup', operatorBody()), 409, 'OPERATOR_EXISTS');
    // Nothing was stored under the key, so another body is not a reuse of it.
    await postWithKey(t, 'dup', operatorBody(IDS.operator2, ['hosting'])).expect(201);
  });

  it('refuses the same key with another body: 409 IDEMPOTENCY_KEY_REUSED, nothing appended', async () => {
    t = await startTestApp();
    await postWithKey(t, 'k', { name: 'A', categories: ['hosting'] }).expect(201);
    const head = await t.runtime.store.headPosition();
    expectProblem(await postWithKey(t, 'k', { name: 'B', categories: ['hosting'] }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(await t.runtime.store.headPosition()).toBe(head);
  });

  it('keeps keys apart per principal: another agent with the same key and body gets its own answer, never the stored one', async () => {
    t = await startTestApp();
    await setUpParties(t);
    // Both agents on the transmitted list: both may file, through the same route.
    await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
    const first = await post(t, '/v1/requests', KEYS.agent, identificationBody()).set('Idempotency-Key', 'shared').expect(201);
    const head = await t.runtime.store.headPosition();
    const other = await post(t, '/v1/requests', KEYS.agent2, identificationBody()).set('Idempotency-Key', 'shared').expect(201);
    expect(other.body.requestId).not.toBe(first.body.requestId);
    expect(await t.runtime.store.headPosition()).toBeGreaterThan(head);
    // And another body under the same key is that agent's own first use, not a reuse.
    await post(t, '/v1/requests', KEYS.agent2, identificationBody({ fields: ['identity'] })).set('Idempotency-Key', 'shared-2').expect(201);
    const reuse = await post(t, '/v1/requests', KEYS.agent, identificationBody({ fields: ['identity'] })).set('Idempotency-Key', 'shared-2');
    expect(reuse.status).toBe(201);
  });

  it('refuses a key longer than 200 characters, or empty, and appends nothing', async () => {
    t = await startTestApp();
    expectProblem(await postWithKey(t, 'x'.repeat(201), operatorBody()), 400, 'VALIDATION_FAILED');
    expectProblem(await postWithKey(t, '', operatorBody()), 400, 'VALIDATION_FAILED');
    expect(await t.runtime.store.headPosition()).toBe(0n);
  });

  it('remembers a key across a restart', async () => {
    t = await startTestApp();
    const body = operatorBody(IDS.operator2, ['hosting']);
    const first = await postWithKey(t, 'durable', body).expect(201);
    const { dataDir, clock } = t;
    await t.close({ keepDataDir: true });
    clock.advanceMs(23 * 3600 * 1000);
    t = await startTestApp({ dataDir, clock });
    const again = await postWithKey(t, 'durable', body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await t.runtime.store.headPosition()).toBe(1n);
  });

  it('recognises a retried command whose answer was lost (crash after the append): no second event', async () => {
    t = await startTestApp();
    const body = { name: 'Lost Answer SA', categories: ['hosting'] };
    const first = await postWithKey(t, 'lost', body).expect(201);
    // The durable record of the answer is lost; the command id derived from the key still is in the stream.
    const file = new Database(path.join(t.dataDir, 'idempotency.db'));
    file.exec('DELETE FROM idempotency');
    file.close();
    const second = await postWithKey(t, 'lost', body).expect(201);
    expect(second.body).toEqual(first.body);
    expect(await t.runtime.store.headPosition()).toBe(1n);
  });
});
