import Database from 'better-sqlite3';
import * as path from 'node:path';
import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, operatorBody } from '../../../../test/support/workflow.fixtures';

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

  it('replays a refusal too: the same key and body get the same 409', async () => {
    t = await startTestApp();
    await postWithKey(t, undefined, operatorBody()).expect(201);
    expectProblem(await postWithKey(t, 'dup', operatorBody()), 409, 'OPERATOR_EXISTS');
    expectProblem(await postWithKey(t, 'dup', operatorBody()), 409, 'OPERATOR_EXISTS');
  });

  it('refuses the same key with another body: 409 IDEMPOTENCY_KEY_REUSED, nothing appended', async () => {
    t = await startTestApp();
    await postWithKey(t, 'k', { name: 'A', categories: ['hosting'] }).expect(201);
    const head = await t.runtime.store.headPosition();
    expectProblem(await postWithKey(t, 'k', { name: 'B', categories: ['hosting'] }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(await t.runtime.store.headPosition()).toBe(head);
  });

  it('keeps keys apart per principal', async () => {
    t = await startTestApp();
    await postWithKey(t, 'shared', operatorBody()).expect(201);
    expectProblem(await t.http.post('/v1/operators').set(bearer(KEYS.agent)).set('Idempotency-Key', 'shared').send(operatorBody()), 403, 'FORBIDDEN');
  });

  it('refuses a key longer than 200 characters, or empty', async () => {
    t = await startTestApp();
    expectProblem(await postWithKey(t, 'x'.repeat(201), operatorBody()), 400, 'VALIDATION_FAILED');
    expect(await t.runtime.store.headPosition()).toBe(0n);
  });

  it('remembers a key across a restart', async () => {
    t = await startTestApp();
    const body = operatorBody(IDS.operator2, ['hosting']);
    const first = await postWithKey(t, 'durable', body).expect(201);
    const { dataDir, clock } = t;
    await t.close();
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
