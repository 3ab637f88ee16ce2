import { fileClaim, servedRequest, startClaimsApp } from '../../../../test/support/claims.fixtures';
import { bearer, IDS, KEYS, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, post } from '../../../../test/support/workflow.fixtures';

const report = (t: TestApp, query = '', key: string = KEYS.auditor) => t.http.get(`/v1/reports/compensation${query}`).set(bearer(key));

describe('GET /v1/reports/compensation (exact integer cents)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startClaimsApp();
    // 2026: two 1° claims (one large, one assessed and partly paid) and one 2° claim.
    const big = await fileClaim(t, [await servedRequest(t)], { amountCents: 999_999_999_999 });
    const small = await fileClaim(t, [await servedRequest(t)], { amountCents: 12_345 });
    await fileClaim(t, [await servedRequest(t, { addresseeRole: 'hosting' })], { amountCents: 1_001 });
    await post(t, `/v1/claims/${big}/assessment`, KEYS.admin, { approvedCents: 999_999_999_998, note: 'ok' }).expect(200);
    await post(t, `/v1/claims/${small}/assessment`, KEYS.admin, { approvedCents: 10_001, note: 'ok' }).expect(200);
    await post(t, `/v1/claims/${small}/payment`, KEYS.admin, { paidCents: 3_333, paymentRef: 'PAY-1' }).expect(200);
    await post(t, `/v1/claims/${big}/payment`, KEYS.admin, { paidCents: 1, paymentRef: 'PAY-2' }).expect(200);
    // 2027: one more claim, filed the next year.
    const late = await servedRequest(t);
    t.clock.set('2027-01-04T10:00:00.000Z');
    await fileClaim(t, [late], { amountCents: 700 });
  });
  afterAll(async () => t.close());

  it('totals claimed, approved, paid and outstanding per operator, year and category', async () => {
    const res = await report(t).expect(200);
    expect(res.body).toEqual({
      items: [
        { operatorId: IDS.operator, year: 2026, category: 'electronic-communications', claimedCents: 1_000_000_012_344, approvedCents: 1_000_000_009_999, paidCents: 3_334, outstandingCents: 1_000_000_006_665 },
        { operatorId: IDS.operator, year: 2026, category: 'hosting', claimedCents: 1_001, approvedCents: 0, paidCents: 0, outstandingCents: 0 },
        { operatorId: IDS.operator, year: 2027, category: 'electronic-communications', claimedCents: 700, approvedCents: 0, paidCents: 0, outstandingCents: 0 },
      ],
      totals: { claimedCents: 1_000_000_014_045, approvedCents: 1_000_000_009_999, paidCents: 3_334, outstandingCents: 1_000_000_006_665 },
    });
  });

  it('filters by year and operator', async () => {
    expect((await report(t, '?year=2027', KEYS.admin).expect(200)).body.totals).toEqual({ claimedCents: 700, approvedCents: 0, paidCents: 0, outstandingCents: 0 });
    expect((await report(t, `?operatorId=${IDS.operator2}`).expect(200)).body).toEqual({
      items: [],
      totals: { claimedCents: 0, approvedCents: 0, paidCents: 0, outstandingCents: 0 },
    });
    expect((await report(t, `?year=2026&operatorId=${IDS.operator}`).expect(200)).body.items).toHaveLength(2);
  });

  it('refuses bad filters with 400, and other roles with 403', async () => {
    expectProblem(await report(t, '?year=twenty'), 400, 'VALIDATION_FAILED');
    expectProblem(await report(t, '?year=2026.5'), 400, 'VALIDATION_FAILED');
    expectProblem(await report(t, '?operatorId=op-1'), 400, 'VALIDATION_FAILED');
    expectProblem(await report(t, '', KEYS.operator), 403, 'FORBIDDEN');
    expectProblem(await report(t, '', KEYS.agent), 403, 'FORBIDDEN');
  });
});
