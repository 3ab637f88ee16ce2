import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from '../../projection';
import { asDomainEvent } from '../domain-event';

/**
 * Retention deadlines (L2321-3 al. 2: five years at most; docs/design.md → Rules: a purge past the
 * deadline is flagged overdue): one row per delivered dataset, never any delivered data.
 * The key id lets the scheduler find keys a crash left active behind a purged dataset.
 */
export const retentionProjection: Projection = {
  name: 'retention',
  version: 1,
  handles: ['DataDelivered', 'DataPurged'],
  tables: [
    {
      name: 'datasets',
      columns: [
        'dataset_id TEXT PRIMARY KEY',
        'request_id TEXT NOT NULL',
        'kind TEXT NOT NULL',
        'delivered_at TEXT NOT NULL',
        'retention_deadline TEXT NOT NULL',
        'key_id TEXT NOT NULL',
        'purged_at TEXT',
        'purge_reason TEXT',
        'purged_by TEXT',
        'overdue INTEGER NOT NULL DEFAULT 0',
      ],
      indexes: [
        { name: 'by_deadline', columns: ['purged_at', 'retention_deadline'] },
        { name: 'by_request', columns: ['request_id'] },
      ],
    },
  ],
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    const datasets = tx.table('datasets');
    const e = asDomainEvent(event);
    switch (e.type) {
      case 'DataDelivered':
        tx.run(
          `INSERT INTO ${datasets} (dataset_id, request_id, kind, delivered_at, retention_deadline, key_id)
           VALUES (@datasetId, @requestId, @kind, @deliveredAt, @retentionDeadline, @keyId) ON CONFLICT DO NOTHING`,
          {
            datasetId: e.data.datasetId,
            requestId: e.data.requestId,
            kind: e.data.kind,
            deliveredAt: e.data.deliveredAt,
            retentionDeadline: e.data.retentionDeadline,
            keyId: e.data.sealed.keyId,
          },
        );
        return;
      case 'DataPurged':
        tx.run(
          `UPDATE ${datasets} SET purged_at = @purgedAt, purge_reason = @reason, purged_by = @by, overdue = @overdue
           WHERE dataset_id = @datasetId AND purged_at IS NULL`,
          { datasetId: e.data.datasetId, purgedAt: e.data.purgedAt, reason: e.data.reason, by: e.data.by, overdue: e.data.overdue ? 1 : 0 },
        );
        return;
      default:
        return;
    }
  },
};
