import { REQUEST_EVENT_TYPES } from '@vigie/domain';
import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from '../../projection';
import { asDomainEvent } from '../domain-event';

/**
 * The request register: one row per request (never any delivered data), its alerts,
 * and the ARCEP oversight notice of technical-data requests (L36-14 CPCE).
 */
export const registerProjection: Projection = {
  name: 'register',
  // v2: every index ends with the list's full order (filed_at, request_id), so a page is read
  // straight off the index instead of sorting each filed_at's ties in a temporary b-tree.
  version: 2,
  // Every request event, so `revision` is the stream's own revision.
  handles: REQUEST_EVENT_TYPES,
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
        { name: 'by_operator', columns: ['operator_id', 'filed_at', 'request_id'] },
        { name: 'by_status', columns: ['status', 'filed_at', 'request_id'] },
        { name: 'by_filed', columns: ['filed_at', 'request_id'] },
      ],
    },
    {
      name: 'alerts',
      columns: ['alert_id TEXT PRIMARY KEY', 'request_id TEXT NOT NULL', 'channel TEXT NOT NULL', 'sent_at TEXT NOT NULL'],
      indexes: [{ name: 'by_request', columns: ['request_id', 'sent_at'] }],
    },
  ],
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    const sql = registerSql(tx.table('requests'), tx.table('alerts'));
    const e = asDomainEvent(event);
    const revision = Number(event.revision);
    const position = event.position.toString();
    switch (e.type) {
      case 'RequestFiled': {
        const d = e.data;
        const technical = d.kind === 'technical-data';
        tx.run(sql.filed, [
          d.requestId,
          d.kind,
          d.operatorId,
          d.agentId,
          d.decisionRef,
          d.filedAt,
          revision,
          technical ? d.incidentId : null,
          technical ? JSON.stringify(d.dataCategories) : null,
          position,
        ]);
        return;
      }
      case 'OversightNotified':
        return tx.run(sql.notified, [e.data.sentAt, e.data.reference, revision, position, e.data.requestId]);
      case 'DataDelivered': {
        const d = e.data;
        return tx.run(sql.delivered, [d.deliveredAt, d.datasetId, d.recordCount, d.retentionDeadline, revision, position, d.requestId]);
      }
      case 'RequestDeclined':
        return tx.run(sql.declined, [e.data.declinedAt, revision, position, e.data.requestId]);
      case 'AlertSent':
        tx.run(sql.alert, [e.data.alertId, e.data.requestId, e.data.channel, e.data.sentAt]);
        return tx.run(sql.touched, [revision, position, e.data.requestId]);
      case 'DataPurged':
        return tx.run(sql.purged, [e.data.purgedAt, revision, position, e.data.requestId]);
      case 'DataAccessed':
      case 'RequestClaimed':
      case 'RequestClaimReleased':
        return tx.run(sql.touched, [revision, position, e.data.requestId]);
      default:
        return;
    }
  },
};

type RegisterSql = Readonly<Record<'filed' | 'notified' | 'delivered' | 'declined' | 'alert' | 'purged' | 'touched', string>>;

/**
 * The fold's statements, built once per physical table: a rebuild runs them millions of
 * times, and a fresh SQL string per event costs its building and hashing every time.
 * Positional parameters bind faster than named ones. Every request event moves the row's
 * revision and position, so `revision` is the stream's own revision.
 */
const sqlByTable = new Map<string, RegisterSql>();

function registerSql(requests: string, alerts: string): RegisterSql {
  const cached = sqlByTable.get(requests);
  if (cached) return cached;
  const touch = (sets: string): string => `UPDATE ${requests} SET ${sets}revision = ?, position = ? WHERE request_id = ?`;
  const sql: RegisterSql = {
    filed: `INSERT INTO ${requests} (request_id, kind, status, operator_id, agent_id, decision_ref, filed_at, revision, incident_id, data_categories, position)
      VALUES (?, ?, 'filed', ?, ?, ?, ?, ?, ?, ?, ?)`,
    notified: touch('notice_sent_at = ?, notice_reference = ?, '),
    delivered: touch("status = 'delivered', delivered_at = ?, dataset_id = ?, record_count = ?, retention_deadline = ?, "),
    declined: touch("status = 'declined', declined_at = ?, "),
    alert: `INSERT INTO ${alerts} VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    purged: touch("status = 'purged', purged_at = ?, "),
    touched: touch(''),
  };
  sqlByTable.set(requests, sql);
  return sql;
}
