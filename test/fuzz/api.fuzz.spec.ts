import fc from 'fast-check';
import { deliver, fileIdentification, IDENTIFICATION_RECORDS, prepareParties } from '../support/data-use.fixtures';
import { bearer, KEYS, startTestApp, type TestApp } from '../support/test-app';
import { contentType, hostileBody, pathParam, queryValue } from './hostile-inputs';

/**
 * Property-based fuzzing of every operation the OpenAPI document lists, on the real
 * application: whatever the input, the answer is never a 5xx, every error is a problem
 * document of at most 64 KiB that does not name the framework, and a refused request
 * appends nothing. Seeded, and bounded in count, so every run sends the same requests.
 */
const SEED = 20_261_202;
const RUNS_PER_OPERATION = 14;
const MAX_PROBLEM_BYTES = 64 * 1024;

interface Operation {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly bodyKeys: readonly string[];
}

type Schema = { $ref?: string; oneOf?: Schema[]; properties?: Record<string, unknown> };
type OpenApi = { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>; components: { schemas: Record<string, Schema> } };

const propertiesOf = (doc: OpenApi, schema: Schema | undefined): string[] => {
  if (!schema) return [];
  if (schema.$ref) return propertiesOf(doc, doc.components.schemas[schema.$ref.split('/').pop() as string]);
  if (schema.oneOf) return [...new Set(schema.oneOf.flatMap((s) => propertiesOf(doc, s)))];
  return Object.keys(schema.properties ?? {});
};

const operationsOf = (doc: OpenApi): Operation[] =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method as 'get' | 'post',
      path,
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodyKeys: propertiesOf(doc, op.requestBody?.content['application/json']?.schema),
    })),
  );

const CALLERS = [KEYS.admin, KEYS.agent, KEYS.operator, KEYS.auditor, undefined, 'not-a-key'] as const;

describe('fuzz: every operation refuses hostile and careless input cleanly', () => {
  let t: TestApp;
  let operations: Operation[];
  let existing: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await prepareParties(t);
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    existing = [requestId, encodeURIComponent(requestId.toUpperCase())];
    operations = operationsOf((await t.http.get('/docs-json').expect(200)).body as OpenApi);
  }, 60_000);
  afterAll(async () => t.close());

  it('finds the operations in the generated OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.filter((o) => o.method === 'post' && o.bodyKeys.length > 0).length).toBeGreaterThanOrEqual(12);
  });

  it('answers every generated request below 500, errors as bounded problem documents, refusals appending nothing', async () => {
    let sent = 0;
    for (const op of operations) {
      const request = fc.record({
        caller: fc.constantFrom(...CALLERS),
        params: fc.tuple(...op.pathParams.map(() => pathParam(existing))),
        query: fc.array(fc.tuple(fc.constantFrom(...op.queryParams, 'limit', 'cursor', 'constructor', '__proto__'), queryValue), { maxLength: 3 }),
        body: hostileBody(op.bodyKeys),
        type: contentType,
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ caller, params, query, body, type }) => {
          let url = op.path;
          op.pathParams.forEach((name, i) => (url = url.replace(`{${name}}`, params[i] as string)));
          if (query.length > 0) url += `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
          const before = await t.runtime.store.headPosition();
          let req = t.http[op.method](url);
          if (caller !== undefined) req = req.set(bearer(caller));
          if (op.method === 'post') {
            if (type !== undefined) req = req.set('content-type', type);
            // A string, sent as is (a Buffer would be serialised by the client as JSON).
            req = req.send(body);
          }
          const res = await req;
          sent += 1;
          const where = `${op.method.toUpperCase()} ${url.slice(0, 200)} → ${res.status}`;
          expect([where, res.status < 500]).toEqual([where, true]);
          if (res.status >= 400) {
            expect([where, String(res.headers['content-type'])]).toEqual([where, expect.stringMatching(/^application\/problem\+json/)]);
            expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(MAX_PROBLEM_BYTES);
            expect(res.body).toEqual(expect.objectContaining({ status: res.status, code: expect.any(String), detail: expect.any(String) }));
            expect(res.text).not.toMatch(/FST_|fastify|nestjs/i);
            expect(await t.runtime.store.headPosition()).toBe(before);
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
    expect(sent).toBe(operations.length * RUNS_PER_OPERATION);
  }, 120_000);

  /**
   * The one timing check: /health must answer while the worst bodies are refused. The
   * budget is 200 ms, widened to 20 normal requests when the machine is slow (a normal
   * request is timed first, in the same conditions), so it stays robust under load yet
   * catches a stall of seconds such as one error built per array element.
   */
  it('/health answers within 200 ms while a worst-case body is being refused', async () => {
    const timed = async <T>(run: () => PromiseLike<T>): Promise<[T, number]> => {
      const start = performance.now();
      const value = await run();
      return [value, performance.now() - start];
    };
    const normal: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [res, ms] = await timed(() => t.http.post('/v1/operators').set(bearer(KEYS.admin)).send({ name: 'x', categories: ['none'] }));
      expect(res.status).toBe(400);
      normal.push(ms);
    }
    const normalMs = normal.sort((a, b) => a - b)[2] as number;
    const budget = Math.max(200, 20 * normalMs);
    const worst: [string, string, string, string][] = [
      ['450,000-element array', '/v1/claims', KEYS.operator, `[${new Array(450_000).fill('1').join(',')}]`],
      ['900 KB string', '/v1/habilitation-lists', KEYS.admin, JSON.stringify('x'.repeat(900_000))],
      ['100,000 levels deep', '/v1/operators', KEYS.admin, `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
      ['80,000 unknown keys', '/v1/operators', KEYS.admin, JSON.stringify(Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, 1])))],
      ['150,000 request ids', '/v1/claims', KEYS.operator, JSON.stringify({ requestIds: new Array(150_000).fill('x'), amountCents: 1, description: 'd' })],
      ['prototype keys in 20,000 nested objects', '/v1/requests', KEYS.agent, JSON.stringify({ kind: 'technical-data', period: new Array(9_999).fill({ a: 1 }).concat([{ constructor: 1 }]) })],
    ];
    for (const [label, path, key, body] of worst) {
      const before = await t.runtime.store.headPosition();
      const refusal = timed(() => t.http.post(path).set(bearer(key)).set('content-type', 'application/json').send(body));
      const health = timed(() => t.http.get('/health'));
      const [[res, refusalMs], [ok, healthMs]] = await Promise.all([refusal, health]);
      expect([label, res.status, ok.status]).toEqual([label, 400, 200]);
      expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(MAX_PROBLEM_BYTES);
      expect([label, Math.round(healthMs) <= budget, Math.round(refusalMs) <= budget]).toEqual([label, true, true]);
      expect(await t.runtime.store.headPosition()).toBe(before);
    }
  }, 60_000);
});
