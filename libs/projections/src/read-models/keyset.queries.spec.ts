import { randomUUID } from 'node:crypto';
import type { ClaimEvent } from '@vigie/domain';
import type { ProjectionRunner } from '../projection-runner';
import type { SqliteEventStore } from '@vigie/event-store';
import { openTempEventStore } from '../testing/temp-event-store';
import { ReadModelStores, STORE_KINDS } from '../testing/read-model-stores';
import { ClaimsQueries } from './compensation/claims.queries';
import { compensationProjection } from './compensation/compensation.projection';
import type { Keyset } from './keyset';
import { appendEvents, ev, type StreamEvent } from './read-model.fixtures';
import { registerProjection } from './register/register.projection';
import { RegisterQueries } from './register/register.queries';
import { retentionProjection } from './retention/retention.projection';
import { RetentionQueries } from './retention/retention.queries';

const claimed = (claimId: string, operatorId: string, claimedAt: string): StreamEvent => {
  const event: ClaimEvent = {
    type: 'CostClaimed',
    data: { claimId, operatorId, requestIds: [`rq-${claimId}`], amountCents: 100, expectedCents: 0, category: 'hosting', description: 'costs', claimedAt },
  };
  return {
    streamId: `claim-${claimId}`,
    event: { eventId: randomUUID(), type: event.type, data: event.data as unknown as StreamEvent['event']['data'], metadata: { occurredAt: claimedAt, commandId: randomUUID() } },
  };
};
const assessed = (claimId: string, approvedCents: number): StreamEvent => ({
  streamId: `claim-${claimId}`,
  event: {
    eventId: randomUUID(),
    type: 'CostClaimAssessed',
    data: { claimId, operatorId: 'op-a', claimedCents: 100, approvedCents, note: 'ok', assessedAt: '2026-06-01T00:00:00.000Z', by: 'p-admin' },
    metadata: { commandId: randomUUID() },
  },
});
const paid = (claimId: string, totalPaidCents: number): StreamEvent => ({
  streamId: `claim-${claimId}`,
  event: {
    eventId: randomUUID(),
    type: 'CompensationPaid',
    data: { claimId, operatorId: 'op-a', paidCents: totalPaidCents, totalPaidCents, paymentRef: `PAY-${claimId}`, paidAt: '2026-07-01T00:00:00.000Z', by: 'p-admin' },
    metadata: { commandId: randomUUID() },
  },
});

const day = (d: number, hour = 9): string => `2026-03-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/**
 * Reads a list page by page through its keyset, calling `between` after each page (to
 * make the list grow), and returns every id served in order.
 */
async function pageThrough<T>(
  fetch: (page: Keyset) => Promise<T[]>,
  key: (item: T) => [string, string],
  id: (item: T) => string,
  limit: number,
  between: (pageNumber: number) => Promise<void> = async () => undefined,
): Promise<string[]> {
  const served: string[] = [];
  let after: [string, string] | undefined;
  for (let pageNumber = 1; pageNumber < 100; pageNumber++) {
    const rows = await fetch({ ...(after ? { after } : {}), limit });
    expect(rows.length).toBeLessThanOrEqual(limit + 1);
    const page = rows.slice(0, limit);
    served.push(...page.map(id));
    if (rows.length <= limit) return served;
    after = key(page[page.length - 1]);
    await between(pageNumber);
  }
  throw new Error('paging never ended');
}

describe.each(STORE_KINDS)('keyset paging of the read models on %s', (kind) => {
  let store: SqliteEventStore;
  let stores: ReadModelStores;
  let runner: ProjectionRunner;
  const grow = async (events: readonly StreamEvent[]): Promise<void> => {
    await runner.waitFor(await appendEvents(store, events));
  };

  beforeEach(async () => {
    store = openTempEventStore();
    stores = await ReadModelStores.open(kind);
    runner = await stores.runner(store, [registerProjection, retentionProjection, compensationProjection]);
  });

  afterEach(async () => {
    await stores.close();
    await store.close();
  });

  it('pages the register newest first, ties by id, neither skipping nor repeating while requests are filed', async () => {
    // r3 and r4 are filed at the same instant: the id orders them.
    await grow([
      ev.identificationFiled('r1', 'op-a', day(1)),
      ev.identificationFiled('r2', 'op-a', day(2)),
      ev.identificationFiled('r3', 'op-a', day(3)),
      ev.identificationFiled('r4', 'op-a', day(3)),
      ev.identificationFiled('r5', 'op-b', day(4)),
    ]);
    const q = new RegisterQueries(stores.readStore);
    expect((await q.listRequests({}, { limit: 10 })).map((r) => r.requestId)).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);

    const served = await pageThrough(
      (page) => q.listRequests({}, page),
      (r) => [r.filedAt, r.requestId],
      (r) => r.requestId,
      2,
      // Newer requests, one of them tied with r3 and r4 at an id between them.
      (n) => grow([ev.identificationFiled(`r9-${n}`, 'op-a', day(5 + n)), ev.identificationFiled(`r35-${n}`, 'op-a', day(3))]),
    );
    expect(new Set(served).size).toBe(served.length);
    expect(served.filter((id) => /^r\d$/.test(id))).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);

    expect((await q.listRequests({ filedFrom: day(2), filedTo: day(3), operatorId: 'op-a' }, { limit: 100 })).map((r) => r.requestId)).toEqual([
      'r4', 'r35-2', 'r35-1', 'r3', 'r2',
    ]);
  });

  it('pages the oversight notices oldest first', async () => {
    await grow([ev.technicalFiled('t1', 'op-a', day(1)), ev.identificationFiled('i1', 'op-a', day(2)), ev.technicalFiled('t2', 'op-a', day(3)), ev.technicalFiled('t3', 'op-a', day(4))]);
    await grow([ev.notified('t2', day(5))]);
    const q = new RegisterQueries(stores.readStore);
    const served = await pageThrough(
      (page) => q.listNotices(undefined, page),
      (n) => [n.openedAt, n.requestId],
      (n) => n.requestId,
      1,
      // Notices opened later come after the cursor: served too, until the growth stops.
      (n) => (n <= 3 ? grow([ev.technicalFiled(`t-new-${n}`, 'op-a', day(10 + n))]) : Promise.resolve()),
    );
    expect(served).toEqual(['t1', 't2', 't3', 't-new-1', 't-new-2', 't-new-3']);
    expect((await q.listNotices('pending', { limit: 100, after: [day(1), 't1'] })).map((n) => n.requestId)).toEqual(['t3', 't-new-1', 't-new-2', 't-new-3']);
  });

  it('pages the retention report by deadline, then dataset id', async () => {
    await grow([
      ev.delivered('r1', 'ds-1', day(1), '2028-03-01T00:00:00.000Z'),
      ev.delivered('r2', 'ds-2', day(1), '2027-03-01T00:00:00.000Z'),
      ev.delivered('r3', 'ds-3', day(1), '2027-03-01T00:00:00.000Z'),
    ]);
    const q = new RetentionQueries(stores.readStore);
    const now = day(20);
    const served = await pageThrough(
      (page) => q.report({ now }, page),
      (i) => [i.retentionDeadline, i.datasetId],
      (i) => i.datasetId,
      2,
      (n) => grow([ev.delivered(`r-new-${n}`, `ds-new-${n}`, day(2), '2026-12-01T00:00:00.000Z')]),
    );
    expect(served).toEqual(['ds-2', 'ds-3', 'ds-1']);
    expect((await q.report({ now }, { limit: 1 })).map((i) => i.datasetId)).toEqual(['ds-new-1', 'ds-2']);
  });

  it('pages the claims newest first, filtered by operator and status', async () => {
    await grow([claimed('c1', 'op-a', day(1)), claimed('c2', 'op-b', day(2)), claimed('c3', 'op-a', day(3)), claimed('c4', 'op-a', day(3))]);
    await grow([assessed('c1', 100), paid('c1', 100), assessed('c3', 50)]);
    const q = new ClaimsQueries(stores.readStore);
    const served = await pageThrough(
      (page) => q.list({}, page),
      (c) => [c.claimedAt, c.claimId],
      (c) => c.claimId,
      1,
      (n) => grow([claimed(`c-new-${n}`, 'op-a', day(10 + n))]),
    );
    expect(served.filter((id) => /^c\d$/.test(id))).toEqual(['c4', 'c3', 'c2', 'c1']);
    expect(new Set(served).size).toBe(served.length);
    expect(await q.list({ operatorId: 'op-a', status: 'paid' }, { limit: 10 })).toEqual([
      { claimId: 'c1', operatorId: 'op-a', requestIds: ['rq-c1'], category: 'hosting', claimedCents: 100, approvedCents: 100, paidCents: 100, status: 'paid', claimedAt: day(1) },
    ]);
    expect((await q.list({ status: 'assessed' }, { limit: 10 })).map((c) => c.claimId)).toEqual(['c3']);
    expect((await q.list({ operatorId: 'op-b' }, { limit: 10 })).map((c) => c.claimId)).toEqual(['c2']);
  });
});
