import { fileClaim, servedRequest, startClaimsApp } from '../../../../test/support/claims.fixtures';
import { bearer, IDS, KEYS, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, fileIdentification, fileTechnical, post } from '../../../../test/support/workflow.fixtures';

type Body = { items: Record<string, unknown>[]; next: string | null };

const LISTS = [
  { path: '/v1/requests', key: KEYS.admin, id: 'requestId' },
  { path: '/v1/oversight/notices', key: KEYS.admin, id: 'requestId' },
  { path: '/v1/reports/retention', key: KEYS.admin, id: 'datasetId' },
  { path: '/v1/principals', key: KEYS.admin, id: 'principalId' },
  { path: '/v1/claims', key: KEYS.admin, id: 'claimId' },
] as const;

/**
 * Every list answers `{ items, next }`, `limit` 1..1000 (default 100) and an opaque
 * cursor; paging through a list that grows between pages serves each item that existed
 * when paging began exactly once.
 */
describe('paged lists', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startClaimsApp();
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMs(60_000);
      const delivered = await servedRequest(t, { records: 1 });
      const declined = await servedRequest(t);
      await fileClaim(t, [delivered, declined]);
      await fileTechnical(t);
    }
  });
  afterAll(async () => t.close());

  const get = (path: string, key: string = KEYS.admin) => t.http.get(path).set(bearer(key));
  const sep = (path: string) => (path.includes('?') ? '&' : '?');

  /** Pages through `path` with `limit`, running `between` after each page; returns the ids served. */
  const pageThrough = async (path: string, id: string, limit: number, between: (n: number) => Promise<void> = async () => undefined, key: string = KEYS.admin) => {
    const served: string[] = [];
    let cursor: string | null = null;
    for (let n = 1; n < 100; n++) {
      const res = await get(`${path}${sep(path)}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, key).expect(200);
      const body = res.body as Body;
      expect(body.items.length).toBeLessThanOrEqual(limit);
      served.push(...body.items.map((item) => item[id] as string));
      if (body.next === null) return served;
      cursor = body.next;
      await between(n);
    }
    throw new Error('paging never ended');
  };

  it.each(LISTS)('$path answers { items, next } and pages through everything once', async ({ path, key, id }) => {
    const all = (await get(`${path}?limit=1000`, key).expect(200)).body as Body;
    expect(all.next).toBeNull();
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const paged = await pageThrough(path, id, 2, undefined, key);
    expect(paged).toEqual(all.items.map((item) => item[id]));
    expect((await get(path, key).expect(200)).body.next).toBeNull();
  });

  it.each(LISTS)('$path refuses a limit out of 1..1000 and a cursor it did not give: 400', async ({ path, key }) => {
    for (const limit of ['0', '1001', '-1', '1.5', 'ten', '']) {
      expectProblem(await get(`${path}?limit=${limit}`, key), 400, 'VALIDATION_FAILED');
    }
    const otherList = path === '/v1/claims' ? '/v1/requests' : '/v1/claims';
    const foreign = (await get(`${otherList}?limit=1`).expect(200)).body.next as string;
    for (const cursor of ['garbage!', 'eyJ4IjoxfQ', Buffer.from('not json').toString('base64url'), foreign]) {
      const res = await get(`${path}?cursor=${encodeURIComponent(cursor)}`, key);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it('pages the register newest first, neither skipping nor repeating while requests are filed', async () => {
    const before = ((await get('/v1/requests?limit=1000').expect(200)).body as Body).items.map((r) => r.requestId as string);
    const served = await pageThrough('/v1/requests', 'requestId', 2, async () => {
      t.clock.advanceMs(1_000);
      await fileIdentification(t);
    });
    expect(new Set(served).size).toBe(served.length);
    expect(served.filter((id) => before.includes(id))).toEqual(before);
    const filed = ((await get('/v1/requests?limit=1000').expect(200)).body as Body).items.map((r) => r.filedAt as string);
    expect([...filed].sort().reverse()).toEqual(filed);
  });

  it('filters the register by filing time', async () => {
    const all = ((await get('/v1/requests?limit=1000').expect(200)).body as Body).items;
    const from = all[all.length - 1].filedAt as string;
    const firstMinute = ((await get(`/v1/requests?limit=1000&filedFrom=${from}&filedTo=${from}`).expect(200)).body as Body).items;
    expect(firstMinute.length).toBeGreaterThan(0);
    expect(firstMinute.every((r) => r.filedAt === from)).toBe(true);
    expectProblem(await get('/v1/requests?filedFrom=yesterday'), 400, 'VALIDATION_FAILED');
  });

  it('pages the claims while claims are filed, and shows an operator only its own', async () => {
    const before = ((await get('/v1/claims?limit=1000').expect(200)).body as Body).items.map((c) => c.claimId as string);
    const served = await pageThrough('/v1/claims', 'claimId', 1, async (n) => {
      if (n > 2) return;
      t.clock.advanceMs(1_000);
      await fileClaim(t, [await servedRequest(t)]);
    });
    expect(new Set(served).size).toBe(served.length);
    expect(served.filter((id) => before.includes(id))).toEqual(before);

    const own = ((await get('/v1/claims?limit=1000', KEYS.operator).expect(200)).body as Body).items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((c) => c.operatorId === IDS.operator && c.status === 'claimed' && Array.isArray(c.requestIds))).toBe(true);
    expect(((await get('/v1/claims', KEYS.operator2).expect(200)).body as Body).items).toEqual([]);
    expect(((await get(`/v1/claims?operatorId=${IDS.operator}`, KEYS.operator2).expect(200)).body as Body).items).toEqual([]);
    expect(((await get(`/v1/claims?operatorId=${IDS.operator2}`).expect(200)).body as Body).items).toEqual([]);
    expect(((await get('/v1/claims?status=paid').expect(200)).body as Body).items).toEqual([]);
    expectProblem(await get('/v1/claims', KEYS.agent), 403, 'FORBIDDEN');
    expectProblem(await get('/v1/claims?status=owed'), 400, 'VALIDATION_FAILED');
  });

  it('pages the principals while principals are enrolled', async () => {
    const before = ((await get('/v1/principals?limit=1000').expect(200)).body as Body).items.map((p) => p.principalId as string);
    const served = await pageThrough('/v1/principals', 'principalId', 2, async (n) => {
      if (n <= 2) await post(t, '/v1/principals', KEYS.admin, { role: 'auditor', label: `grown ${n}` }).expect(201);
    });
    expect(new Set(served).size).toBe(served.length);
    expect(served.filter((id) => before.includes(id))).toEqual(before);
  });

  it('serves 100 items per page when no limit is given', async () => {
    for (let i = 0; i < 100; i++) await post(t, '/v1/principals', KEYS.admin, { role: 'auditor', label: `desk ${i}` }).expect(201);
    const first = (await get('/v1/principals').expect(200)).body as Body;
    expect(first.items).toHaveLength(100);
    expect(first.next).not.toBeNull();
    const rest = (await get(`/v1/principals?cursor=${encodeURIComponent(first.next as string)}`).expect(200)).body as Body;
    expect(rest.items.length).toBeGreaterThan(0);
    expect(rest.items.some((p) => first.items.some((q) => q.principalId === p.principalId))).toBe(false);
  });
});
