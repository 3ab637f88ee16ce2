import { openTempEventStore } from '../../testing/temp-event-store';
import { ReadModelStores, STORE_KINDS } from '../../testing/read-model-stores';
import { retentionProjection } from './retention.projection';
import { RetentionQueries } from './retention.queries';

const delivered = (requestId: string, kind: string, deadline: string) => ({
  eventId: `00000000-0000-4000-8000-${requestId.padStart(12, '0')}`,
  type: 'DataDelivered',
  data: { requestId, kind, datasetId: `ds-${requestId}`, sealed: { keyId: `key-${requestId}` }, recordCount: 1, deliveredAt: '2026-03-02T09:00:00.000Z', retentionDeadline: deadline },
  metadata: {},
});

const purged = (requestId: string, purgedAt: string, overdue: boolean) => ({
  eventId: `00000000-0000-4000-9000-${requestId.padStart(12, '0')}`,
  type: 'DataPurged',
  data: { requestId, datasetId: `ds-${requestId}`, keyId: `key-${requestId}`, reason: 'retention-expired', by: 'x', purgedAt, retentionDeadline: '', overdue },
  metadata: {},
});

describe.each(STORE_KINDS)('retention read model on %s', (kind) => {
  it('answers due datasets, purged ones with keys, and the report with retained / overdue / purged', async () => {
    const store = openTempEventStore();
    const stores = await ReadModelStores.open(kind);
    try {
      const runner = await stores.runner(store, [retentionProjection]);
      await store.append('request-1', [delivered('1', 'subscriber-identification', '2028-03-02T09:00:00.000Z')], 'no-stream');
      await store.append('request-2', [delivered('2', 'technical-data', '2031-03-02T09:00:00.000Z')], 'no-stream');
      await store.append('request-3', [delivered('3', 'technical-data', '2027-01-01T00:00:00.000Z')], 'no-stream');
      const { position } = await store.append('request-3', [purged('3', '2027-02-01T00:00:00.000Z', true)], 0n);
      await runner.waitFor(position);
      const q = new RetentionQueries(stores.readStore);

      expect(await q.due('2028-03-02T09:00:00.000Z')).toEqual([{ requestId: '1', datasetId: 'ds-1', keyId: 'key-1' }]);
      expect(await q.due('2028-03-02T08:59:59.999Z')).toEqual([]);
      expect(await q.purgedWithKeys()).toEqual([{ requestId: '3', datasetId: 'ds-3', keyId: 'key-3' }]);

      const now = '2029-01-01T00:00:00.000Z';
      const byId = Object.fromEntries((await q.report({ now })).map((i) => [i.requestId, i]));
      expect(byId['1']).toMatchObject({ status: 'overdue', overdue: true });
      expect(byId['1'].purgedAt).toBeUndefined();
      expect(byId['2']).toMatchObject({ status: 'retained', overdue: false, kind: 'technical-data' });
      expect(byId['3']).toMatchObject({ status: 'purged', overdue: true, purgedAt: '2027-02-01T00:00:00.000Z', purgeReason: 'retention-expired' });
      expect((await q.report({ now, status: 'retained' })).map((i) => i.requestId)).toEqual(['2']);
      expect((await q.report({ now, dueBefore: '2028-12-31T00:00:00.000Z' })).map((i) => i.requestId)).toEqual(['3', '1']);
    } finally {
      await stores.close();
      await store.close();
    }
  });
});
