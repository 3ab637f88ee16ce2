import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem } from '../../../../test/support/workflow.fixtures';
import { MAX_FIELD_ERRORS } from './problem';

const nested = (levels: number): string => `{"name":${'['.repeat(levels)}1${']'.repeat(levels)}}`;

describe('Input limits: hostile bodies are refused early, as problems, and change nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const head = (): Promise<bigint> => t.runtime.store.headPosition();

  // Defect 1: a 900 KB array body answered one error per element (28 MB) after seconds.
  it('refuses a top-level array of 450,000 numbers with one error, in a small document', async () => {
    const before = await head();
    const body = `[${new Array(450_000).fill('1').join(',')}]`;
    const res = await t.http.post('/v1/claims').set(bearer(KEYS.operator)).set('content-type', 'application/json').send(body);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
    expect(res.text.length).toBeLessThan(64 * 1024);
    expect(await head()).toBe(before);
  });

  it('lists at most 50 field errors, then one entry counting the rest', async () => {
    const unknown = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`extra${i}${'x'.repeat(2000)}`, i]));
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).send({ name: 'x', categories: ['hosting'], ...unknown });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const errors = res.body.errors as { field: string; message: string }[];
    expect(errors).toHaveLength(MAX_FIELD_ERRORS + 1);
    expect(errors[MAX_FIELD_ERRORS]).toEqual({ field: '', message: '250 more errors' });
    expect(res.text.length).toBeLessThanOrEqual(64 * 1024);
  });

  // Defect 3: 1,500 levels answered 500 (a RangeError while stripping keys).
  it.each([33, 1_500, 100_000])('refuses JSON nested %i levels with 400', async (levels) => {
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).set('content-type', 'application/json').send(nested(levels));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/deeper than 32/);
  });

  it('still validates a body nested exactly 32 levels as usual', async () => {
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).set('content-type', 'application/json').send(nested(31));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body.errors)).not.toMatch(/deeper/);
  });

  // Defect 4: prototype-named unknown fields were accepted (201), also nested.
  it.each(['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'])('refuses a property named %s, at the top and nested', async (name) => {
    const before = await head();
    for (const body of [
      `{"name":"x","categories":["hosting"],${JSON.stringify(name)}:1}`,
      `{"name":"x","categories":["hosting"],"extra":{"deep":[{${JSON.stringify(name)}:{}}]}}`,
    ]) {
      const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).set('content-type', 'application/json').send(body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors[0].message).toMatch(/Object\.prototype/);
    }
    expect(await head()).toBe(before);
  });

  // Defect 6: router errors named the framework and were not problem documents.
  it.each([
    ['an undecodable URL', '/v1/requests/%ZZ'],
    ['a path parameter over the router limit', `/v1/requests/${'a'.repeat(150)}`],
  ])('answers %s with a problem that does not name the framework', async (_label, url) => {
    const res = await t.http.get(url).set(bearer(KEYS.admin));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.text).not.toMatch(/FST_|fastify/i);
  });

  it('answers an empty JSON body with a problem listing the error', async () => {
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).set('content-type', 'application/json').send('');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ field: 'body', message: 'must be a JSON object (the body is empty)' }]);
    expect(res.text).not.toMatch(/FST_|fastify/i);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('answers %s with 415 as a problem', async (type) => {
    const res = await t.http.post('/v1/operators').set(bearer(KEYS.admin)).set('content-type', type).send('name=x');
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(res.text).not.toMatch(/FST_|fastify/i);
  });
});
