import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import { instantMs } from '@vigie/domain';
import type { Projection, ProjectionTx } from '../../projection';
import { asDomainEvent } from '../domain-event';

/**
 * Oversight statistics for auditors: one row per fact, stamped with its business time in
 * epoch milliseconds (ISO strings with offsets or fractions do not sort as text), so a
 * report over any period is a handful of range counts. A pure fold: everything comes
 * from the event, which is what lets the CLI replay it into memory as of a date.
 */
export const oversightProjection: Projection = {
  name: 'oversight',
  version: 1,
  handles: [
    'RequestFiled',
    'OversightNotified',
    'DataDelivered',
    'RequestDeclined',
    'DataAccessed',
    'AlertSent',
    'DataPurged',
    'HabilitationListTransmitted',
  ],
  tables: [
    {
      // The ARCEP notice (L36-14 CPCE) of a technical-data request opens at filing.
      name: 'requests',
      columns: [
        'request_id TEXT PRIMARY KEY',
        'kind TEXT NOT NULL',
        'operator_id TEXT NOT NULL',
        'filed_at TEXT NOT NULL',
        'filed_ms BIGINT NOT NULL',
        'delivered_ms BIGINT',
        'declined_ms BIGINT',
        'purged_ms BIGINT',
        'notice_sent_ms BIGINT',
      ],
      indexes: [{ name: 'by_filed', columns: ['filed_ms'] }],
    },
    {
      name: 'alerts',
      columns: ['alert_id TEXT PRIMARY KEY', 'request_id TEXT NOT NULL', 'channel TEXT NOT NULL', 'sent_ms BIGINT NOT NULL'],
      indexes: [{ name: 'by_sent', columns: ['sent_ms'] }],
    },
    {
      // Every read of delivered data is a fact of its own (L2321-3: use limited to its purposes).
      name: 'accesses',
      columns: ['event_id TEXT PRIMARY KEY', 'request_id TEXT NOT NULL', 'purpose TEXT NOT NULL', 'accessed_ms BIGINT NOT NULL'],
      indexes: [{ name: 'by_accessed', columns: ['accessed_ms'] }],
    },
    {
      name: 'purges',
      columns: [
        'dataset_id TEXT PRIMARY KEY',
        'request_id TEXT NOT NULL',
        'reason TEXT NOT NULL',
        'purged_ms BIGINT NOT NULL',
        'deadline_ms BIGINT NOT NULL',
        'overdue INTEGER NOT NULL',
      ],
      indexes: [{ name: 'by_purged', columns: ['purged_ms'] }],
    },
    {
      name: 'lists',
      columns: ['list_version INTEGER PRIMARY KEY', 'transmitted_at TEXT NOT NULL', 'transmitted_ms BIGINT NOT NULL', 'agent_count INTEGER NOT NULL'],
      indexes: [{ name: 'by_transmitted', columns: ['transmitted_ms'] }],
    },
  ],
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    const sql = oversightSql(tx);
    const e = asDomainEvent(event);
    switch (e.type) {
      case 'RequestFiled': {
        const d = e.data;
        tx.run(sql.filed, [d.requestId, d.kind, d.operatorId, d.filedAt, instantMs(d.filedAt)]);
        return;
      }
      case 'OversightNotified':
        return tx.run(sql.noticeSent, [instantMs(e.data.sentAt), e.data.requestId]);
      case 'DataDelivered':
        return tx.run(sql.delivered, [instantMs(e.data.deliveredAt), e.data.requestId]);
      case 'RequestDeclined':
        return tx.run(sql.declined, [instantMs(e.data.declinedAt), e.data.requestId]);
      case 'AlertSent':
        tx.run(sql.alert, [e.data.alertId, e.data.requestId, e.data.channel, instantMs(e.data.sentAt)]);
        return;
      case 'DataAccessed':
        tx.run(sql.access, [event.eventId, e.data.requestId, e.data.purpose, instantMs(e.data.accessedAt)]);
        return;
      case 'DataPurged': {
        const d = e.data;
        const purgedMs = instantMs(d.purgedAt);
        const deadlineMs = instantMs(d.retentionDeadline);
        // L2321-3: data kept past its retention deadline is an overdue purge, whatever the flag says.
        const overdue = d.overdue === true || purgedMs > deadlineMs ? 1 : 0;
        tx.run(sql.purge, [d.datasetId, d.requestId, d.reason, purgedMs, deadlineMs, overdue]);
        return tx.run(sql.purged, [purgedMs, d.requestId]);
      }
      case 'HabilitationListTransmitted': {
        const d = e.data;
        tx.run(sql.list, [d.listVersion, d.transmittedAt, instantMs(d.transmittedAt), d.agentIds.length]);
        return;
      }
      default:
        return;
    }
  },
};

type OversightSql = Readonly<
  Record<'filed' | 'noticeSent' | 'delivered' | 'declined' | 'purged' | 'alert' | 'access' | 'purge' | 'list', string>
>;

/**
 * The fold's statements, built once per version (keyed by its requests table): a rebuild
 * runs them millions of times, and a fresh SQL string per event costs its building and
 * hashing every time.
 */
const sqlByTable = new Map<string, OversightSql>();

function oversightSql(tx: ProjectionTx): OversightSql {
  const requests = tx.table('requests');
  const cached = sqlByTable.get(requests);
  if (cached) return cached;
  const setOnRequest = (column: string): string => `UPDATE ${requests} SET ${column} = ? WHERE request_id = ?`;
  const sql: OversightSql = {
    filed: `INSERT INTO ${requests} (request_id, kind, operator_id, filed_at, filed_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    noticeSent: setOnRequest('notice_sent_ms'),
    delivered: setOnRequest('delivered_ms'),
    declined: setOnRequest('declined_ms'),
    purged: setOnRequest('purged_ms'),
    alert: `INSERT INTO ${tx.table('alerts')} VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    access: `INSERT INTO ${tx.table('accesses')} VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    purge: `INSERT INTO ${tx.table('purges')} VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    list: `INSERT INTO ${tx.table('lists')} VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  };
  sqlByTable.set(requests, sql);
  return sql;
}
