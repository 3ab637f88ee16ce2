import type { EventStore } from '@vigie/event-store/event-store.port';
import { openTempEventStore } from '../../testing/temp-event-store';
import { ReadModelStores, STORE_KINDS } from '../../testing/read-model-stores';
import { appendEvents } from '../read-model.fixtures';
import { oversightProjection } from './oversight.projection';
import { oversightReport } from './oversight.queries';
import { OP_A, OP_B, OVERSIGHT_SCENARIO, R } from './oversight.scenario';

describe.each(STORE_KINDS)('oversight projection on %s', (kind) => {
  let store: EventStore;
  let stores: ReadModelStores;

  beforeEach(async () => {
    store = openTempEventStore();
    stores = await ReadModelStores.open(kind);
    const head = await appendEvents(store, OVERSIGHT_SCENARIO);
    const runner = await stores.runner(store, [oversightProjection]);
    await runner.waitFor(head);
  });

  afterEach(async () => {
    await stores.close();
    await store.close();
  });

  const rows = async (logical: string, order: string): Promise<unknown[]> =>
    stores.readStore.all(`SELECT * FROM ${await stores.readStore.activeTable('oversight', logical)} ORDER BY ${order}`);

  it('folds the events into exact rows, times as epoch milliseconds', async () => {
    expect(await rows('requests', 'request_id')).toEqual([
      { request_id: R.r1, kind: 'subscriber-identification', operator_id: OP_A, filed_at: '2026-03-01T09:00:00Z', filed_ms: Date.parse('2026-03-01T09:00:00Z'), delivered_ms: Date.parse('2026-03-01T12:00:00Z'), declined_ms: null, purged_ms: Date.parse('2026-03-06T00:00:00Z'), notice_sent_ms: null },
      { request_id: R.r2, kind: 'subscriber-identification', operator_id: OP_B, filed_at: '2026-03-02T10:00:00Z', filed_ms: Date.parse('2026-03-02T10:00:00Z'), delivered_ms: null, declined_ms: Date.parse('2026-03-03T10:00:00Z'), purged_ms: null, notice_sent_ms: null },
      { request_id: R.r3, kind: 'technical-data', operator_id: OP_A, filed_at: '2026-03-02T11:00:00Z', filed_ms: Date.parse('2026-03-02T11:00:00Z'), delivered_ms: null, declined_ms: null, purged_ms: null, notice_sent_ms: Date.parse('2026-03-04T11:00:00Z') },
      { request_id: R.r4, kind: 'technical-data', operator_id: OP_A, filed_at: '2026-03-03T12:00:00Z', filed_ms: Date.parse('2026-03-03T12:00:00Z'), delivered_ms: null, declined_ms: null, purged_ms: null, notice_sent_ms: null },
      { request_id: R.r5, kind: 'subscriber-identification', operator_id: OP_A, filed_at: '2026-03-05T01:00:00+01:00', filed_ms: Date.parse('2026-03-05T00:00:00Z'), delivered_ms: Date.parse('2026-03-05T06:00:00Z'), declined_ms: null, purged_ms: Date.parse('2026-03-07T00:00:00Z'), notice_sent_ms: null },
    ]);
    expect(await rows('alerts', 'alert_id')).toEqual([
      { alert_id: 'alert-1', request_id: R.r1, channel: 'email', sent_ms: Date.parse('2026-03-02T09:00:00Z') },
      { alert_id: 'alert-2', request_id: R.r1, channel: 'postal', sent_ms: Date.parse('2026-03-02T09:30:00Z') },
    ]);
    expect(await rows('purges', 'dataset_id')).toEqual([
      { dataset_id: 'ds-1', request_id: R.r1, reason: 'operator-request', purged_ms: Date.parse('2026-03-06T00:00:00Z'), deadline_ms: Date.parse('2028-03-01T12:00:00Z'), overdue: 0 },
      // Purged a day after its deadline: overdue from the dates even though the flag says otherwise.
      { dataset_id: 'ds-5', request_id: R.r5, reason: 'retention-deadline', purged_ms: Date.parse('2026-03-07T00:00:00Z'), deadline_ms: Date.parse('2026-03-06T00:00:00Z'), overdue: 1 },
    ]);
    expect(await rows('lists', 'list_version')).toEqual([
      { list_version: 1, transmitted_at: '2026-02-20T10:00:00Z', transmitted_ms: Date.parse('2026-02-20T10:00:00Z'), agent_count: 2 },
      { list_version: 2, transmitted_at: '2026-03-04T00:00:00Z', transmitted_ms: Date.parse('2026-03-04T00:00:00Z'), agent_count: 3 },
    ]);
    expect((await rows('accesses', 'accessed_ms')).map((r) => (r as { purpose: string }).purpose)).toEqual(['alert-holder', 'characterize-threat']);
  });

  it('reports the whole log, pending notices waiting until now', async () => {
    expect(await oversightReport(stores.readStore, { now: '2026-03-10T00:00:00Z' })).toEqual({
      from: null,
      to: null,
      requests: {
        total: 5,
        byKind: { 'subscriber-identification': 3, 'technical-data': 2 },
        byStatus: { filed: 2, delivered: 0, declined: 1, purged: 2 },
        byOperator: [
          { operatorId: OP_A, count: 4 },
          { operatorId: OP_B, count: 1 },
        ],
      },
      alertsSent: { total: 2, byChannel: { email: 1, postal: 1 } },
      accesses: { total: 2 },
      accessesByPurpose: { 'alert-holder': 1, 'characterize-threat': 1 },
      purges: { total: 2 },
      purgesByReason: { 'operator-request': 1, 'retention-deadline': 1 },
      overduePurges: 1,
      notices: {
        pending: [{ requestId: R.r4, openedAt: '2026-03-03T12:00:00Z', waitingSeconds: 6.5 * 86400 }],
        pendingCount: 1,
        sent: 1,
        averageWaitSeconds: 2 * 86400,
      },
      habilitationListTransmissions: [
        { listVersion: 1, transmittedAt: '2026-02-20T10:00:00Z', agentCount: 2 },
        { listVersion: 2, transmittedAt: '2026-03-04T00:00:00Z', agentCount: 3 },
      ],
    });
  });

  it('filters by business time over [from, to) and measures pending notices against to', async () => {
    const report = await oversightReport(stores.readStore, { from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z', now: '2026-03-10T00:00:00Z' });
    expect(report.requests).toEqual({
      total: 3,
      byKind: { 'subscriber-identification': 1, 'technical-data': 2 },
      // As they stood at `to`: r2 declined on the 3rd, r3 and r4 still waiting.
      byStatus: { filed: 2, delivered: 0, declined: 1, purged: 0 },
      byOperator: [
        { operatorId: OP_A, count: 2 },
        { operatorId: OP_B, count: 1 },
      ],
    });
    expect(report.alertsSent).toEqual({ total: 2, byChannel: { email: 1, postal: 1 } });
    expect(report.accessesByPurpose).toEqual({ 'alert-holder': 1, 'characterize-threat': 0 });
    expect(report.purgesByReason).toEqual({});
    expect(report.overduePurges).toBe(0);
    // r3's notice went out after `to`: at the end of the period it was still pending.
    expect(report.notices).toEqual({
      pending: [
        { requestId: R.r3, openedAt: '2026-03-02T11:00:00Z', waitingSeconds: 37 * 3600 },
        { requestId: R.r4, openedAt: '2026-03-03T12:00:00Z', waitingSeconds: 12 * 3600 },
      ],
      pendingCount: 2,
      sent: 0,
      averageWaitSeconds: null,
    });
    // The list sent exactly at `to` belongs to the next period.
    expect(report.habilitationListTransmissions).toEqual([]);
  });

  it('answers zeros before the projection ever ran, and refuses an empty period', async () => {
    const fresh = await ReadModelStores.open(kind);
    try {
      const report = await oversightReport(fresh.readStore, { now: '2026-03-10T00:00:00Z' });
      expect(report.requests.total).toBe(0);
      expect(report.requests.byStatus).toEqual({ filed: 0, delivered: 0, declined: 0, purged: 0 });
      expect(report.notices).toEqual({ pending: [], pendingCount: 0, sent: 0, averageWaitSeconds: null });
      await expect(
        oversightReport(fresh.readStore, { from: '2026-03-02T00:00:00Z', to: '2026-03-02T00:00:00Z', now: '2026-03-10T00:00:00Z' }),
      ).rejects.toThrow(RangeError);
    } finally {
      await fresh.close();
    }
  });
});
