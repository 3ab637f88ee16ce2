import { randomUUID } from 'node:crypto';
import { fileClaim, getClaim, servedRequest, startClaimsApp } from '../../../../test/support/claims.fixtures';
import { KEYS, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, post } from '../../../../test/support/workflow.fixtures';

describe('POST /v1/claims/{claimId}/assessment and /payment (approved ≤ claimed, paid ≤ approved)', () => {
  let t: TestApp;
  let claimId: string;
  const assess = (body: unknown, key: string = KEYS.admin, id = claimId) => post(t, `/v1/claims/${id}/assessment`, key, body);
  const pay = (body: unknown, key: string = KEYS.admin, id = claimId) => post(t, `/v1/claims/${id}/payment`, key, body);

  beforeEach(async () => {
    t = await startClaimsApp();
    claimId = await fileClaim(t, [await servedRequest(t, { records: 2 })], { amountCents: 12_000 });
  });
  afterEach(async () => t.close());

  it('assesses once, pays in instalments up to the approved amount, then the claim is paid', async () => {
    const assessed = await assess({ approvedCents: 10_000, note: 'Approved at the tariff' }).expect(200);
    expect(assessed.body).toMatchObject({ claimId, status: 'assessed', claimedCents: 12_000, approvedCents: 10_000, paidCents: 0, outstandingCents: 10_000 });
    expectProblem(await assess({ approvedCents: 5_000, note: 'again' }), 422, 'CLAIM_ALREADY_ASSESSED');
    const first = await pay({ paidCents: 4_000, paymentRef: 'PAY-1' }).expect(200);
    expect(first.body).toMatchObject({ status: 'assessed', paidCents: 4_000, outstandingCents: 6_000 });
    expectProblem(await pay({ paidCents: 6_001, paymentRef: 'PAY-2' }), 422, 'PAYMENT_EXCEEDS_APPROVED');
    expectProblem(await pay({ paidCents: 1, paymentRef: 'PAY-1' }), 409, 'PAYMENT_REF_REUSED');
    await pay({ paidCents: 6_000, paymentRef: 'PAY-2' }).expect(200);
    const view = await getClaim(t, claimId).expect(200);
    // 1000 per request + 2 records at operator 1's 200: 1400 expected.
    expect(view.body).toMatchObject({ status: 'paid', claimedCents: 12_000, approvedCents: 10_000, paidCents: 10_000, expectedCents: 1_400, differenceCents: 10_600 });
    expectProblem(await pay({ paidCents: 1, paymentRef: 'PAY-3' }), 422, 'PAYMENT_EXCEEDS_APPROVED');
  });

  it('refuses a payment before assessment: CLAIM_NOT_ASSESSED; an approval above the claim: APPROVED_EXCEEDS_CLAIMED', async () => {
    expectProblem(await pay({ paidCents: 1, paymentRef: 'PAY-1' }), 422, 'CLAIM_NOT_ASSESSED');
    expectProblem(await assess({ approvedCents: 12_001, note: 'too much' }), 422, 'APPROVED_EXCEEDS_CLAIMED');
    await assess({ approvedCents: 0, note: 'Not compensable' }).expect(200);
  });

  it('pays once for a retried payment with the same Idempotency-Key', async () => {
    await assess({ approvedCents: 10_000, note: 'ok' }).expect(200);
    const first = await pay({ paidCents: 4_000, paymentRef: 'PAY-1' }).set('Idempotency-Key', 'pay-1').expect(200);
    const again = await pay({ paidCents: 4_000, paymentRef: 'PAY-1' }).set('Idempotency-Key', 'pay-1').expect(200);
    expect(again.body).toEqual(first.body);
    expect((await getClaim(t, claimId, KEYS.admin)).body.paidCents).toBe(4_000);
  });

  it.each([
    ['a fractional amount', 10.5],
    ['an amount as a string', '100'],
    ['a negative amount', -1],
    ['an amount above 10^12 cents', 1e13],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, cents) => {
    expectProblem(await assess({ approvedCents: cents, note: 'x' }), 400, 'VALIDATION_FAILED');
    expectProblem(await pay({ paidCents: cents, paymentRef: 'PAY-1' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a zero payment, missing texts and unknown fields with 400', async () => {
    expectProblem(await pay({ paidCents: 0, paymentRef: 'PAY-1' }), 400, 'VALIDATION_FAILED');
    expectProblem(await pay({ paidCents: 1 }), 400, 'VALIDATION_FAILED');
    expectProblem(await assess({ approvedCents: 1 }), 400, 'VALIDATION_FAILED');
    expectProblem(await assess({ approvedCents: 1, note: 'x', extra: true }), 400, 'VALIDATION_FAILED');
  });

  it('is for admins only, and answers 404 for an unknown claim', async () => {
    expectProblem(await assess({ approvedCents: 1, note: 'x' }, KEYS.operator), 403, 'FORBIDDEN');
    expectProblem(await assess({ approvedCents: 1, note: 'x' }, KEYS.auditor), 403, 'FORBIDDEN');
    expectProblem(await pay({ paidCents: 1, paymentRef: 'PAY-1' }, KEYS.operator), 403, 'FORBIDDEN');
    expectProblem(await assess({ approvedCents: 1, note: 'x' }, KEYS.admin, randomUUID()), 404, 'NOT_FOUND');
    expectProblem(await pay({ paidCents: 1, paymentRef: 'PAY-1' }, KEYS.admin, randomUUID()), 404, 'NOT_FOUND');
    expectProblem(await assess({ approvedCents: 1, note: 'x' }, KEYS.admin, 'nope'), 400, 'VALIDATION_FAILED');
  });
});
