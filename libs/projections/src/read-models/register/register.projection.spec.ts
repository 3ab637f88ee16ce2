import type { EventStore } from '@vigie/event-store/event-store.port';
import { openTempEventStore } from '../../testing/temp-event-store';
import { ReadModelStores, STORE_KINDS } from '../../testing/read-model-stores';
import { OP_A, OP_B, OVERSIGHT_SCENARIO, R } from '../oversight/oversight.scenario';
import { appendEvents } from '../read-model.fixtures';
import { registerProjection } from './register.projection';
import { RegisterQueries } from './register.queries';

describe.each(STORE_KINDS)('register projection on %s', (kind) => {
  let store: EventStore;
  let stores: ReadModelStores;
  let register: RegisterQueries;

  beforeEach(async () => {
    store = openTempEventStore();
    stores = await ReadModelStores.open(kind);
    const head = await appendEvents(store, OVERSIGHT_SCENARIO);
    const runner = await stores.runner(store, [registerProjection]);
    await runner.waitFor(head);
    register = new RegisterQueries(stores.readStore);
  });

  afterEach(async () => {
    await stores.close();
    await store.close();
  });

  it('keeps one exact row per request, with its alerts and its stream revision', async () => {
    expect(await register.findRequest(R.r1)).toEqual({
      requestId: R.r1,
      kind: 'subscriber-identification',
      status: 'purged',
      operatorId: OP_A,
      agentId: 'agent-1',
      decisionRef: 'PM-2026-0001',
      filedAt: '2026-03-01T09:00:00Z',
      deliveredAt: '2026-03-01T12:00:00Z',
      datasetId: 'ds-1',
      recordCount: 1,
      retentionDeadline: '2028-03-01T12:00:00Z',
      purgedAt: '2026-03-06T00:00:00Z',
      alerts: [
        { alertId: 'alert-1', channel: 'email', sentAt: '2026-03-02T09:00:00Z' },
        { alertId: 'alert-2', channel: 'postal', sentAt: '2026-03-02T09:30:00Z' },
      ],
      // filed, delivered, accessed, two alerts, claimed, purged: revisions 0..6.
      revision: 6,
    });
    expect(await register.findRequest(R.r2)).toEqual({
      requestId: R.r2,
      kind: 'subscriber-identification',
      status: 'declined',
      operatorId: OP_B,
      agentId: 'agent-1',
      decisionRef: 'PM-2026-0001',
      filedAt: '2026-03-02T10:00:00Z',
      declinedAt: '2026-03-03T10:00:00Z',
      alerts: [],
      revision: 1,
    });
    expect(await register.findRequest('unknown')).toBeUndefined();
  });

  it('lists with filters, newest first, and follows the ARCEP notices', async () => {
    expect((await register.listRequests({})).map((r) => r.requestId)).toEqual([R.r5, R.r4, R.r3, R.r2, R.r1]);
    expect((await register.listRequests({ operatorId: OP_A, kind: 'technical-data' })).map((r) => [r.requestId, r.status])).toEqual([
      [R.r4, 'filed'],
      [R.r3, 'filed'],
    ]);
    expect((await register.listRequests({ status: 'purged' })).map((r) => r.requestId)).toEqual([R.r5, R.r1]);
    expect(await register.listNotices()).toEqual([
      {
        requestId: R.r3,
        incidentId: 'incident-1',
        dataCategories: ['traffic', 'routing'],
        openedAt: '2026-03-02T11:00:00Z',
        sentAt: '2026-03-04T11:00:00Z',
        reference: 'ARCEP-1',
        status: 'sent',
      },
      { requestId: R.r4, incidentId: 'incident-1', dataCategories: ['traffic', 'routing'], openedAt: '2026-03-03T12:00:00Z', status: 'pending' },
    ]);
    expect((await register.listNotices('pending')).map((n) => n.requestId)).toEqual([R.r4]);
  });
});
