import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem } from '../../../../test/support/workflow.fixtures';

describe('HTTP errors are problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_BODY_LIMIT_BYTES: '4096' } });
  });
  afterAll(async () => t.close());

  it('answers a malformed JSON body with 400', async () => {
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).set('content-type', 'application/json').send('{"name": "x",');
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('answers a body over the limit with 413 and appends nothing', async () => {
    const res = await t.http
      .post('/v1/operators')
      .set(bearer(KEYS.admin))
      .send({ name: 'x'.repeat(10_000), categories: ['hosting'] });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(await t.runtime.store.headPosition()).toBe(0n);
  });

  it('answers a text body with 415 and appends nothing', async () => {
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).set('content-type', 'text/plain').send('hello');
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await t.runtime.store.headPosition()).toBe(0n);
  });

  it('answers a JSON array body with 400', async () => {
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).send([1, 2]);
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});
