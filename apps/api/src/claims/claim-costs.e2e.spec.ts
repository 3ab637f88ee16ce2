import { randomUUID } from 'node:crypto';
import { claimBody, fileClaim, getClaim, servedRequest, startClaimsApp } from '../../../../test/support/claims.fixtures';
import { bearer, KEYS, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, fileIdentification, post } from '../../../../test/support/workflow.fixtures';

describe('POST /v1/claims and GET /v1/claims/{claimId} (L2321-3 al. 3)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startClaimsApp();
  });
  afterEach(async () => t.close());

  it('files a claim for served requests, with the tariff-based expected amount, and shows it', async () => {
    const delivered = await servedRequest(t, { records: 3 });
    const declined = await servedRequest(t);
    const claimId = randomUUID();
    const res = await post(t, '/v1/claims', KEYS.operator, claimBody([delivered, declined], { claimId, amountCents: 4_000 })).expect(201);
    // Two requests at the default 1000 each, three records at operator 1's own 200: 2600.
    expect(res.body).toEqual({ claimId, category: 'electronic-communications', expectedCents: 2_600 });
    for (const key of [KEYS.operator, KEYS.admin, KEYS.auditor]) {
      const view = await getClaim(t, claimId, key).expect(200);
      expect(view.body).toEqual({
        claimId,
        operatorId: expect.any(String),
        requestIds: [delivered, declined],
        category: 'electronic-communications',
        claimedCents: 4_000,
        paidCents: 0,
        status: 'claimed',
        expectedCents: 2_600,
        differenceCents: 1_400,
        outstandingCents: 0,
        claimedAt: '2026-03-02T09:00:00.000Z',
      });
    }
  });

  it('claims requests served as hosting provider under 2°, and refuses to mix: CLAIM_MIXES_CATEGORIES', async () => {
    const hosting = await servedRequest(t, { addresseeRole: 'hosting' });
    const telecom = await servedRequest(t);
    expectProblem(await post(t, '/v1/claims', KEYS.operator, claimBody([hosting, telecom])), 422, 'CLAIM_MIXES_CATEGORIES');
    const res = await post(t, '/v1/claims', KEYS.operator, claimBody([hosting])).expect(201);
    expect(res.body).toMatchObject({ category: 'hosting', expectedCents: 1_000 });
  });

  it('refuses requests not served by this operator: REQUEST_NOT_SERVED', async () => {
    const open = await fileIdentification(t);
    const served = await servedRequest(t);
    expectProblem(await post(t, '/v1/claims', KEYS.operator, claimBody([served, open])), 422, 'REQUEST_NOT_SERVED');
    expectProblem(await post(t, '/v1/claims', KEYS.operator, claimBody([randomUUID()])), 422, 'REQUEST_NOT_SERVED');
    expectProblem(await post(t, '/v1/claims', KEYS.operator2, claimBody([served])), 422, 'REQUEST_NOT_SERVED');
    // Nothing stayed reserved by the refused claims.
    await post(t, '/v1/claims', KEYS.operator, claimBody([served])).expect(201);
  });

  it('refuses a request already claimed: REQUEST_ALREADY_CLAIMED; an existing claim id: 409 CLAIM_EXISTS', async () => {
    const served = await servedRequest(t);
    const other = await servedRequest(t);
    const claimId = await fileClaim(t, [served]);
    expectProblem(await post(t, '/v1/claims', KEYS.operator, claimBody([other, served])), 422, 'REQUEST_ALREADY_CLAIMED');
    expectProblem(await post(t, '/v1/claims', KEYS.operator, claimBody([other], { claimId })), 409, 'CLAIM_EXISTS');
    await post(t, '/v1/claims', KEYS.operator, claimBody([other])).expect(201);
  });

  it('lets exactly one of two simultaneous claims on the same request win, and frees the loser’s other requests', async () => {
    const [a, shared, c] = [await servedRequest(t), await servedRequest(t), await servedRequest(t)];
    const first = { claimId: randomUUID(), requestIds: [a, shared] };
    const second = { claimId: randomUUID(), requestIds: [shared, c] };
    const answers = await Promise.all([first, second].map((claim) => post(t, '/v1/claims', KEYS.operator, claimBody(claim.requestIds, { claimId: claim.claimId }))));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 422]);
    const loserIndex = answers.findIndex((r) => r.status === 422);
    expectProblem(answers[loserIndex], 422, 'REQUEST_ALREADY_CLAIMED');
    const [winner, loser] = loserIndex === 0 ? [second, first] : [first, second];
    await getClaim(t, winner.claimId).expect(200);
    await getClaim(t, loser.claimId).expect(404);
    const freed = loser.requestIds.filter((id) => id !== shared);
    await post(t, '/v1/claims', KEYS.operator, claimBody(freed)).expect(201);
  });

  it('answers a retry with the same Idempotency-Key with the first answer and appends nothing', async () => {
    const served = await servedRequest(t);
    const body = claimBody([served]);
    const first = await post(t, '/v1/claims', KEYS.operator, body).set('Idempotency-Key', 'claim-march').expect(201);
    const head = await t.runtime.store.headPosition();
    const again = await post(t, '/v1/claims', KEYS.operator, body).set('Idempotency-Key', 'claim-march').expect(201);
    expect(again.body).toEqual(first.body);
    expect(await t.runtime.store.headPosition()).toBe(head);
    const reused = await post(t, '/v1/claims', KEYS.operator, { ...body, amountCents: 1 }).set('Idempotency-Key', 'claim-march');
    expectProblem(reused, 409, 'IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    ['a fractional amount', { amountCents: 10.5 }],
    ['an amount as a string', { amountCents: '10000' }],
    ['a negative amount', { amountCents: -1 }],
    ['a zero amount', { amountCents: 0 }],
    ['an amount above 10^12 cents', { amountCents: 1e13 }],
    ['no request', { requestIds: [] }],
    ['a repeated request', { requestIds: ['0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b3ff', '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b3ff'] }],
    ['a request id that is not a UUID', { requestIds: ['rq-1'] }],
    ['an empty description', { description: '' }],
    ['an unknown field', { currency: 'EUR' }],
  ])('refuses %s: 400 VALIDATION_FAILED', async (_label, extra) => {
    const served = await servedRequest(t);
    expectProblem(await post(t, '/v1/claims', KEYS.operator, claimBody([served], extra)), 400, 'VALIDATION_FAILED');
  });

  it('accepts exactly 10^12 cents', async () => {
    const served = await servedRequest(t);
    await post(t, '/v1/claims', KEYS.operator, claimBody([served], { amountCents: 1e12 })).expect(201);
  });

  it('lets only operators claim, and shows a claim only to its operator, admins and auditors', async () => {
    const served = await servedRequest(t);
    expectProblem(await post(t, '/v1/claims', KEYS.admin, claimBody([served])), 403, 'FORBIDDEN');
    expectProblem(await post(t, '/v1/claims', KEYS.agent, claimBody([served])), 403, 'FORBIDDEN');
    const claimId = await fileClaim(t, [served]);
    expectProblem(await getClaim(t, claimId, KEYS.operator2), 404, 'NOT_FOUND');
    expectProblem(await getClaim(t, claimId, KEYS.agent), 403, 'FORBIDDEN');
    expectProblem(await getClaim(t, randomUUID()), 404, 'NOT_FOUND');
    expectProblem(await getClaim(t, 'not-a-uuid'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.http.get(`/v1/claims/${claimId}`), 401, 'UNAUTHENTICATED');
    expect((await getClaim(t, claimId).set(bearer(KEYS.operator))).status).toBe(200);
  });
});
