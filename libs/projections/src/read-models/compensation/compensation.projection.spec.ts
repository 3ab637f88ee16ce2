import { randomUUID } from 'node:crypto';
import type { ClaimEvent } from '@vigie/domain';
import type { ProjectionRunner } from '../../projection-runner';
import type { EventStore } from '@vigie/event-store/event-store.port';
import { openTempEventStore } from '../../testing/temp-event-store';
import { ReadModelStores, STORE_KINDS } from '../../testing/read-model-stores';
import { appendEvents, type StreamEvent } from '../read-model.fixtures';
import { compensationProjection } from './compensation.projection';
import { CompensationQueries } from './compensation.queries';

const OP_A = 'op-a';
const OP_B = 'op-b';

const on = (claimId: string, event: ClaimEvent, occurredAt: string): StreamEvent => ({
  streamId: `claim-${claimId}`,
  event: {
    eventId: randomUUID(),
    type: event.type,
    data: event.data as unknown as StreamEvent['event']['data'],
    metadata: { occurredAt, actor: { id: 'p-test', role: 'admin' }, commandId: randomUUID(), schemaVersion: 1 },
  },
});

const claimed = (claimId: string, operatorId: string, amountCents: number, claimedAt: string, category: 'electronic-communications' | 'hosting' = 'electronic-communications') =>
  on(claimId, { type: 'CostClaimed', data: { claimId, operatorId, requestIds: [`rq-${claimId}`], amountCents, expectedCents: 0, category, description: 'costs', claimedAt } }, claimedAt);
const assessed = (claimId: string, operatorId: string, claimedCents: number, approvedCents: number) =>
  on(claimId, { type: 'CostClaimAssessed', data: { claimId, operatorId, claimedCents, approvedCents, note: 'ok', assessedAt: '2027-02-01T00:00:00Z', by: 'p-admin' } }, '2027-02-01T00:00:00Z');
const paid = (claimId: string, operatorId: string, paidCents: number, totalPaidCents: number, paymentRef: string) =>
  on(claimId, { type: 'CompensationPaid', data: { claimId, operatorId, paidCents, totalPaidCents, paymentRef, paidAt: '2027-03-01T00:00:00Z', by: 'p-admin' } }, '2027-03-01T00:00:00Z');

// Large amounts near 10^12 cents: a float sum would drift, integer sums must not.
const BIG = 999_999_999_999;
const SCENARIO: readonly StreamEvent[] = [
  claimed('c1', OP_A, 12_345, '2026-03-05T08:00:00Z'),
  claimed('c2', OP_A, BIG, '2026-12-31T23:59:59Z'),
  claimed('c3', OP_A, 700, '2027-01-01T00:00:00Z', 'electronic-communications'),
  claimed('c4', OP_B, 1_001, '2026-06-01T10:00:00Z', 'hosting'),
  assessed('c1', OP_A, 12_345, 10_001),
  assessed('c2', OP_A, BIG, BIG - 1),
  paid('c1', OP_A, 3_333, 3_333, 'PAY-1'),
  paid('c1', OP_A, 6_668, 10_001, 'PAY-2'),
  paid('c2', OP_A, 1, 1, 'PAY-3'),
];

describe.each(STORE_KINDS)('compensation projection and report on %s', (kind) => {
  let store: EventStore;
  let stores: ReadModelStores;
  let runner: ProjectionRunner;
  let queries: CompensationQueries;

  beforeEach(async () => {
    store = openTempEventStore();
    stores = await ReadModelStores.open(kind);
    queries = new CompensationQueries(stores.readStore);
    expect(await queries.report()).toEqual({ items: [], totals: { claimedCents: 0, approvedCents: 0, paidCents: 0, outstandingCents: 0 } });
    const head = await appendEvents(store, SCENARIO);
    runner = await stores.runner(store, [compensationProjection]);
    await runner.waitFor(head);
  });

  afterEach(async () => {
    await stores.close();
    await store.close();
  });

  it('totals per operator, year of filing and category, exactly', async () => {
    expect(await queries.report()).toEqual({
      items: [
        { operatorId: OP_A, year: 2026, category: 'electronic-communications', claimedCents: 12_345 + BIG, approvedCents: 10_001 + BIG - 1, paidCents: 10_002, outstandingCents: BIG - 1 - 1 },
        { operatorId: OP_B, year: 2026, category: 'hosting', claimedCents: 1_001, approvedCents: 0, paidCents: 0, outstandingCents: 0 },
        { operatorId: OP_A, year: 2027, category: 'electronic-communications', claimedCents: 700, approvedCents: 0, paidCents: 0, outstandingCents: 0 },
      ],
      totals: { claimedCents: 12_345 + BIG + 1_001 + 700, approvedCents: 10_001 + BIG - 1, paidCents: 10_002, outstandingCents: BIG - 2 },
    });
  });

  it('filters by year and by operator', async () => {
    expect((await queries.report({ year: 2027 })).totals).toEqual({ claimedCents: 700, approvedCents: 0, paidCents: 0, outstandingCents: 0 });
    expect((await queries.report({ operatorId: OP_B })).items).toEqual([
      { operatorId: OP_B, year: 2026, category: 'hosting', claimedCents: 1_001, approvedCents: 0, paidCents: 0, outstandingCents: 0 },
    ]);
    expect(await queries.report({ year: 2025 })).toEqual({ items: [], totals: { claimedCents: 0, approvedCents: 0, paidCents: 0, outstandingCents: 0 } });
  });

  it('applying a payment event twice does not count it twice', async () => {
    const again = paid('c1', OP_A, 6_668, 10_001, 'PAY-2');
    const head = await appendEvents(store, [again]);
    await runner.waitFor(head);
    expect((await queries.report({ operatorId: OP_A, year: 2026 })).totals.paidCents).toBe(10_002);
  });
});
