import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from '../../projection';
import { asDomainEvent } from '../domain-event';

/**
 * The request register: one row per request (never any delivered data), its alerts,
 * and the ARCEP oversight notice of technical-data requests (L36-14 CPCE).
 */
export const registerProjection: Projection = {
  name: 'register',
  version: 1,
  // Every request event, so `revision` is the stream's own revision.
  handles: [
    'RequestFiled',
    'OversightNotified',
    'DataDelivered',
    'RequestDeclined',
    'DataAccessed',
    'AlertSent',
    'DataPurged',
    'RequestClaimed',
    'RequestClaimReleased',
  ],
  tables: [
    {
      name: 'requests',
      columns: [
        'request_id TEXT PRIMARY KEY',
        'kind TEXT NOT NULL',
        'status TEXT NOT NULL',
        'operator_id TEXT NOT NULL',
        'agent_id TEXT NOT NULL',
        'decision_ref TEXT NOT NULL',
        'filed_at TEXT NOT NULL',
        'delivered_at TEXT',
        'declined_at TEXT',
        'dataset_id TEXT',
        'record_count INTEGER',
        'retention_deadline TEXT',
        'purged_at TEXT',
        'revision INTEGER NOT NULL',
        'incident_id TEXT',
        'data_categories TEXT',
        'notice_sent_at TEXT',
        'notice_reference TEXT',
        'position TEXT NOT NULL',
      ],
      indexes: [
        { name: 'by_operator', columns: ['operator_id', 'filed_at'] },
        { name: 'by_status', columns: ['status', 'filed_at'] },
        { name: 'by_filed', columns: ['filed_at'] },
      ],
    },
    {
      name: 'alerts',
      columns: ['alert_id TEXT PRIMARY KEY', 'request_id TEXT NOT NULL', 'channel TEXT NOT NULL', 'sent_at TEXT NOT NULL'],
      indexes: [{ name: 'by_request', columns: ['request_id', 'sent_at'] }],
    },
  ],
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    const requests = tx.table('requests');
    const e = asDomainEvent(event);
    const revision = Number(event.revision);
    const position = event.position.toString();
    const touch = (sets: string, params: Record<string, unknown>): void =>
      tx.run(`UPDATE ${requests} SET ${sets}, revision = @revision, position = @position WHERE request_id = @requestId`, {
        ...params,
        revision,
        position,
      });
    switch (e.type) {
      case 'RequestFiled': {
        const d = e.data;
        tx.run(
          `INSERT INTO ${requests} (request_id, kind, status, operator_id, agent_id, decision_ref, filed_at, revision, incident_id, data_categories, position)
           VALUES (@requestId, @kind, 'filed', @operatorId, @agentId, @decisionRef, @filedAt, @revision, @incidentId, @dataCategories, @position)`,
          {
            requestId: d.requestId,
            kind: d.kind,
            operatorId: d.operatorId,
            agentId: d.agentId,
            decisionRef: d.decisionRef,
            filedAt: d.filedAt,
            revision,
            incidentId: d.kind === 'technical-data' ? d.incidentId : null,
            dataCategories: d.kind === 'technical-data' ? JSON.stringify(d.dataCategories) : null,
            position,
          },
        );
        return;
      }
      case 'OversightNotified':
        return touch('notice_sent_at = @sentAt, notice_reference = @reference', {
          requestId: e.data.requestId,
          sentAt: e.data.sentAt,
          reference: e.data.reference,
        });
      case 'DataDelivered':
        return touch(
          "status = 'delivered', delivered_at = @deliveredAt, dataset_id = @datasetId, record_count = @recordCount, retention_deadline = @retentionDeadline",
          { requestId: e.data.requestId, deliveredAt: e.data.deliveredAt, datasetId: e.data.datasetId, recordCount: e.data.recordCount, retentionDeadline: e.data.retentionDeadline },
        );
      case 'RequestDeclined':
        return touch("status = 'declined', declined_at = @declinedAt", { requestId: e.data.requestId, declinedAt: e.data.declinedAt });
      case 'AlertSent':
        tx.run(`INSERT OR IGNORE INTO ${tx.table('alerts')} VALUES (?, ?, ?, ?)`, [e.data.alertId, e.data.requestId, e.data.channel, e.data.sentAt]);
        return touch('request_id = request_id', { requestId: e.data.requestId });
      case 'DataPurged':
        return touch("status = 'purged', purged_at = @purgedAt", { requestId: e.data.requestId, purgedAt: e.data.purgedAt });
      case 'DataAccessed':
      case 'RequestClaimed':
      case 'RequestClaimReleased':
        return touch('request_id = request_id', { requestId: e.data.requestId });
      default:
        return;
    }
  },
};
