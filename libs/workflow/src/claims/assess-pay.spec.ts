import { DomainError } from '@vigie/domain';
import { assessClaim } from './assess-claim';
import { claimCosts } from './claim-costs';
import { metaFor, openClaimsWorld, type ClaimsWorld } from './claims.fixtures';
import { getClaim } from './get-claim';
import { payCompensation } from './pay-compensation';

const refusal = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'no refusal',
    (e: unknown) => (e instanceof DomainError ? e.code : Promise.reject(e)),
  );

describe('assessClaim and payCompensation (approved ≤ claimed, paid ≤ approved)', () => {
  let w: ClaimsWorld;
  const admin = () => metaFor(undefined, 'admin');
  beforeEach(async () => {
    w = openClaimsWorld();
    await w.file('rq-1');
    await w.decline('rq-1');
    await claimCosts(w.deps, metaFor(), 'op-1', { claimId: 'cl-1', requestIds: ['rq-1'], amountCents: 12_000, description: 'Q1' });
  });
  afterEach(async () => w.close());

  it('assesses once, then pays in instalments up to the approved amount', async () => {
    const assessed = await assessClaim(w.deps, admin(), 'cl-1', { approvedCents: 10_000, note: 'per tariff' });
    expect(assessed).toMatchObject({ status: 'assessed', approvedCents: 10_000, paidCents: 0, outstandingCents: 10_000, expectedCents: 0, differenceCents: 12_000 });
    expect(await refusal(assessClaim(w.deps, admin(), 'cl-1', { approvedCents: 1, note: 'again' }))).toBe('CLAIM_ALREADY_ASSESSED');
    await expect(payCompensation(w.deps, admin(), 'cl-1', { paidCents: 4_000, paymentRef: 'PAY-1' })).resolves.toMatchObject({ status: 'assessed', paidCents: 4_000 });
    expect(await refusal(payCompensation(w.deps, admin(), 'cl-1', { paidCents: 6_001, paymentRef: 'PAY-2' }))).toBe('PAYMENT_EXCEEDS_APPROVED');
    expect(await refusal(payCompensation(w.deps, admin(), 'cl-1', { paidCents: 1, paymentRef: 'PAY-1' }))).toBe('PAYMENT_REF_REUSED');
    await payCompensation(w.deps, admin(), 'cl-1', { paidCents: 6_000, paymentRef: 'PAY-2' });
    expect(await getClaim(w.deps, 'cl-1')).toMatchObject({ status: 'paid', approvedCents: 10_000, paidCents: 10_000, outstandingCents: 0 });
  });

  it('refuses a payment before assessment and an approval above the claim', async () => {
    expect(await refusal(payCompensation(w.deps, admin(), 'cl-1', { paidCents: 1, paymentRef: 'PAY-1' }))).toBe('CLAIM_NOT_ASSESSED');
    expect(await refusal(assessClaim(w.deps, admin(), 'cl-1', { approvedCents: 12_001, note: 'too much' }))).toBe('APPROVED_EXCEEDS_CLAIMED');
  });

  it('a retried payment (same command) is not paid twice', async () => {
    await assessClaim(w.deps, admin(), 'cl-1', { approvedCents: 10_000, note: 'ok' });
    const meta = admin();
    await payCompensation(w.deps, meta, 'cl-1', { paidCents: 4_000, paymentRef: 'PAY-1' });
    await expect(payCompensation(w.deps, meta, 'cl-1', { paidCents: 4_000, paymentRef: 'PAY-1' })).resolves.toMatchObject({ paidCents: 4_000 });
  });

  it('answers NOT_FOUND for an unknown claim', async () => {
    expect(await refusal(getClaim(w.deps, 'cl-404'))).toBe('NOT_FOUND');
    expect(await refusal(assessClaim(w.deps, admin(), 'cl-404', { approvedCents: 0, note: 'x' }))).toBe('NOT_FOUND');
    expect(await refusal(payCompensation(w.deps, admin(), 'cl-404', { paidCents: 1, paymentRef: 'x' }))).toBe('NOT_FOUND');
  });
});
