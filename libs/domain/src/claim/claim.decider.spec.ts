import { fold } from '../kernel/decider';
import { given } from '../kernel/decider-spec';
import { ServedFacts } from '../request/request.state';
import { AssessClaim, ClaimCosts, PayCompensation } from './claim.commands';
import { claimDecider } from './claim.decider';
import { CompensationPaid, CostClaimAssessed, CostClaimed } from './claim.events';
import { claimView } from './claim.views';

const fact = (requestId: string, over: Partial<ServedFacts> = {}): ServedFacts => ({
  requestId,
  operatorId: 'op-1',
  addresseeRole: 'electronic-communications',
  kind: 'subscriber-identification',
  served: true,
  recordCount: 3,
  ...over,
});
const claimCosts = (over: Partial<ClaimCosts['data']> = {}): ClaimCosts => ({
  type: 'ClaimCosts',
  data: {
    claimId: 'cl-1',
    operatorId: 'op-1',
    requests: [fact('rq-1'), fact('rq-2', { kind: 'technical-data' })],
    amountCents: 12_000,
    expectedCents: 10_000,
    description: 'Q1 requests',
    claimedAt: '2026-04-01T00:00:00.000Z',
    ...over,
  },
});
const claimed = (over: Partial<CostClaimed['data']> = {}): CostClaimed => ({
  type: 'CostClaimed',
  data: {
    claimId: 'cl-1',
    operatorId: 'op-1',
    requestIds: ['rq-1', 'rq-2'],
    amountCents: 12_000,
    expectedCents: 10_000,
    category: 'electronic-communications',
    description: 'Q1 requests',
    claimedAt: '2026-04-01T00:00:00.000Z',
    ...over,
  },
});
const assess = (approvedCents: number): AssessClaim => ({
  type: 'AssessClaim',
  data: { approvedCents, note: 'per tariff', assessedAt: '2026-04-10T00:00:00.000Z', by: 'admin-1' },
});
const assessed = (approvedCents = 10_000): CostClaimAssessed => ({
  type: 'CostClaimAssessed',
  data: { claimId: 'cl-1', operatorId: 'op-1', claimedCents: 12_000, approvedCents, note: 'per tariff', assessedAt: '2026-04-10T00:00:00.000Z', by: 'admin-1' },
});
const pay = (paidCents: number, paymentRef = 'PAY-1'): PayCompensation => ({
  type: 'PayCompensation',
  data: { paidCents, paymentRef, paidAt: '2026-05-01T00:00:00.000Z', by: 'admin-1' },
});
const paid = (paidCents: number, totalPaidCents: number, paymentRef = 'PAY-1'): CompensationPaid => ({
  type: 'CompensationPaid',
  data: { claimId: 'cl-1', operatorId: 'op-1', paidCents, totalPaidCents, paymentRef, paidAt: '2026-05-01T00:00:00.000Z', by: 'admin-1' },
});

describe('ClaimCosts (L2321-3 al. 3)', () => {
  it('claims 1° for requests served as electronic-communications operator (both paragraphs)', () => {
    given(claimDecider).when(claimCosts()).then([claimed()]);
  });

  it('claims 2° for identification requests served as hosting provider', () => {
    const requests = [fact('rq-1', { addresseeRole: 'hosting' })];
    given(claimDecider).when(claimCosts({ requests })).then([claimed({ requestIds: ['rq-1'], category: 'hosting' })]);
  });

  it('refuses mixed roles: CLAIM_MIXES_CATEGORIES', () => {
    const requests = [fact('rq-1'), fact('rq-2', { addresseeRole: 'hosting' })];
    given(claimDecider).when(claimCosts({ requests })).thenRefuses('CLAIM_MIXES_CATEGORIES');
  });

  it('refuses a request of another operator or not answered: REQUEST_NOT_SERVED', () => {
    given(claimDecider).when(claimCosts({ requests: [fact('rq-1', { operatorId: 'op-2' })] })).thenRefuses('REQUEST_NOT_SERVED');
    given(claimDecider).when(claimCosts({ requests: [fact('rq-1', { served: false })] })).thenRefuses('REQUEST_NOT_SERVED');
  });

  it.each([
    ['no request', { requests: [] }],
    ['a repeated request', { requests: [fact('rq-1'), fact('rq-1')] }],
    ['zero cents', { amountCents: 0 }],
    ['fractional cents', { amountCents: 10.5 }],
    ['more than 10^12 cents', { amountCents: 1_000_000_000_001 }],
    ['a negative expected amount', { expectedCents: -1 }],
  ])('refuses %s: VALIDATION_FAILED', (_label, over) => {
    given(claimDecider).when(claimCosts(over)).thenRefuses('VALIDATION_FAILED');
  });

  it('accepts exactly 10^12 cents', () => {
    given(claimDecider).when(claimCosts({ amountCents: 1_000_000_000_000 })).then([claimed({ amountCents: 1_000_000_000_000 })]);
  });

  it('refuses an existing claim id: CLAIM_EXISTS', () => {
    given(claimDecider, [claimed()]).when(claimCosts()).thenRefuses('CLAIM_EXISTS');
  });
});

describe('AssessClaim (approved ≤ claimed)', () => {
  it('approves an amount up to the claim', () => {
    given(claimDecider, [claimed()]).when(assess(10_000)).then([assessed(10_000)]);
    given(claimDecider, [claimed()]).when(assess(12_000)).then([assessed(12_000)]);
    given(claimDecider, [claimed()]).when(assess(0)).then([assessed(0)]);
  });

  it.each([12_001, -1, 10.5])('refuses %p: APPROVED_EXCEEDS_CLAIMED', (cents) => {
    given(claimDecider, [claimed()]).when(assess(cents)).thenRefuses('APPROVED_EXCEEDS_CLAIMED');
  });

  it('refuses a second assessment: CLAIM_ALREADY_ASSESSED; an unknown claim: NOT_FOUND', () => {
    given(claimDecider, [claimed(), assessed()]).when(assess(1)).thenRefuses('CLAIM_ALREADY_ASSESSED');
    given(claimDecider).when(assess(1)).thenRefuses('NOT_FOUND');
  });
});

describe('PayCompensation (paid ≤ approved)', () => {
  it('pays in instalments up to the approved amount', () => {
    given(claimDecider, [claimed(), assessed()]).when(pay(4_000)).then([paid(4_000, 4_000)]);
    given(claimDecider, [claimed(), assessed(), paid(4_000, 4_000)]).when(pay(6_000, 'PAY-2')).then([paid(6_000, 10_000, 'PAY-2')]);
  });

  it('refuses a payment before assessment: CLAIM_NOT_ASSESSED', () => {
    given(claimDecider, [claimed()]).when(pay(1)).thenRefuses('CLAIM_NOT_ASSESSED');
  });

  it('refuses a payment beyond the approved amount: PAYMENT_EXCEEDS_APPROVED', () => {
    given(claimDecider, [claimed(), assessed(), paid(4_000, 4_000)]).when(pay(6_001, 'PAY-2')).thenRefuses('PAYMENT_EXCEEDS_APPROVED');
    given(claimDecider, [claimed(), assessed(), paid(10_000, 10_000)]).when(pay(1, 'PAY-2')).thenRefuses('PAYMENT_EXCEEDS_APPROVED');
  });

  it('refuses a reused payment reference: PAYMENT_REF_REUSED', () => {
    given(claimDecider, [claimed(), assessed(), paid(4_000, 4_000)]).when(pay(1)).thenRefuses('PAYMENT_REF_REUSED');
  });

  it('refuses zero or fractional payments: VALIDATION_FAILED', () => {
    given(claimDecider, [claimed(), assessed()]).when(pay(0)).thenRefuses('VALIDATION_FAILED');
    given(claimDecider, [claimed(), assessed()]).when(pay(1.5)).thenRefuses('VALIDATION_FAILED');
  });
});

describe('claim states and view', () => {
  it('goes claimed → assessed (partly paid) → paid', () => {
    expect(claimView(claimDecider.initialState())).toBeUndefined();
    expect(claimView(fold(claimDecider, [claimed()]))).toMatchObject({ status: 'claimed', claimedCents: 12_000, paidCents: 0 });
    const partly = claimView(fold(claimDecider, [claimed(), assessed(), paid(4_000, 4_000)]));
    expect(partly).toMatchObject({ status: 'assessed', approvedCents: 10_000, paidCents: 4_000, outstandingCents: 6_000 });
    const full = claimView(fold(claimDecider, [claimed(), assessed(), paid(4_000, 4_000), paid(6_000, 10_000, 'PAY-2')]));
    expect(full).toEqual({
      claimId: 'cl-1',
      operatorId: 'op-1',
      requestIds: ['rq-1', 'rq-2'],
      category: 'electronic-communications',
      claimedCents: 12_000,
      expectedCents: 10_000,
      approvedCents: 10_000,
      paidCents: 10_000,
      outstandingCents: 0,
      status: 'paid',
      claimedAt: '2026-04-01T00:00:00.000Z',
    });
  });
});

describe('claim refusals name the field at fault', () => {
  it.each([
    ['description', claimCosts({ description: ' ' })],
    ['claimedAt', claimCosts({ claimedAt: '2026-04-31T00:00:00.000Z' })],
  ])('ClaimCosts: %s', (field, command) => {
    given(claimDecider).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });

  it('AssessClaim: assessedAt', () => {
    const command: AssessClaim = { ...assess(1), data: { ...assess(1).data, assessedAt: 'soon' } };
    given(claimDecider, [claimed()]).when(command).thenRefuses('VALIDATION_FAILED', { field: 'assessedAt' });
  });

  it.each([
    ['paymentRef', pay(1, '')],
    ['paidAt', { ...pay(1), data: { ...pay(1).data, paidAt: '2026-05-01' } }],
  ])('PayCompensation: %s', (field, command) => {
    given(claimDecider, [claimed(), assessed()]).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });
});

describe('claim rules at their edges', () => {
  it('refuses technical data served by a hosting provider: no 2° compensation for it', () => {
    const requests = [fact('rq-1', { addresseeRole: 'hosting', kind: 'technical-data' })];
    given(claimDecider).when(claimCosts({ requests })).thenRefuses('CLAIM_MIXES_CATEGORIES');
  });

  it('keeps exactly the payment references paid, starting from none at assessment', () => {
    expect(fold(claimDecider, [claimed(), assessed()])).toMatchObject({ paymentRefs: [] });
    expect(fold(claimDecider, [claimed(), assessed(), paid(4_000, 4_000)])).toMatchObject({ paymentRefs: ['PAY-1'] });
  });
});
