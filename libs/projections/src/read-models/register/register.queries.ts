import { activeTablesOf, type ReadModelStore } from '../../read-model-store';
import { keysetCondition, keysetTail, type Keyset, type KeysetOrder } from '../keyset';

export interface RequestView {
  readonly requestId: string;
  readonly kind: string;
  readonly status: string;
  readonly operatorId: string;
  readonly agentId: string;
  readonly decisionRef: string;
  readonly filedAt: string;
  readonly deliveredAt?: string;
  readonly declinedAt?: string;
  readonly datasetId?: string;
  readonly recordCount?: number;
  readonly retentionDeadline?: string;
  readonly purgedAt?: string;
  readonly alerts: readonly { alertId: string; channel: string; sentAt: string }[];
  readonly revision: number;
}

export interface NoticeView {
  readonly requestId: string;
  readonly incidentId: string;
  readonly dataCategories: readonly string[];
  readonly openedAt: string;
  readonly sentAt?: string;
  readonly reference?: string;
  readonly status: 'pending' | 'sent';
}

export interface RequestFilter {
  readonly status?: string;
  readonly kind?: string;
  readonly operatorId?: string;
  /** Filed at or after this instant (normalised `toISOString()` form). */
  readonly filedFrom?: string;
  /** Filed at or before this instant (normalised form). */
  readonly filedTo?: string;
}

/** Newest first; the request id orders requests filed at the same instant. */
export const REQUESTS_ORDER: KeysetOrder = { key: 'filed_at', id: 'request_id', direction: 'DESC' };
/** Oldest first: the notices waiting longest come first. */
export const NOTICES_ORDER: KeysetOrder = { key: 'filed_at', id: 'request_id', direction: 'ASC' };

/** Without a page, the whole list (the command line's replay); with one, `limit + 1` rows at most. */
const paging = (order: KeysetOrder, page: Keyset | undefined): { where: string; tail: string; params: unknown[]; tailParams: unknown[] } => {
  if (page === undefined) return { where: '1 = 1', tail: `ORDER BY ${order.key} ${order.direction}, ${order.id} ${order.direction}`, params: [], tailParams: [] };
  const condition = keysetCondition(order, page);
  const tail = keysetTail(order, page);
  return { where: condition.sql, tail: tail.sql, params: condition.params, tailParams: tail.params };
};

/** The columns a RequestView is made of (the notice's are read by listNotices only). */
const VIEW_COLUMNS =
  'request_id, kind, status, operator_id, agent_id, decision_ref, filed_at, delivered_at, declined_at, dataset_id, record_count, retention_deadline, purged_at, revision';

/** The same, of the requests table aliased `r` (joined with its alerts). */
const JOINED_VIEW_COLUMNS = VIEW_COLUMNS.split(', ').map((column) => `r.${column}`).join(', ');

interface RequestRow {
  request_id: string;
  kind: string;
  status: string;
  operator_id: string;
  agent_id: string;
  decision_ref: string;
  filed_at: string;
  delivered_at: string | null;
  declined_at: string | null;
  dataset_id: string | null;
  record_count: number | null;
  retention_deadline: string | null;
  purged_at: string | null;
  revision: number;
  incident_id: string | null;
  data_categories: string | null;
  notice_sent_at: string | null;
  notice_reference: string | null;
}

/** A row as VIEW_COLUMNS reads it. */
type ViewRow = Omit<RequestRow, 'incident_id' | 'data_categories' | 'notice_sent_at' | 'notice_reference'>;

const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: V };

/** Request ids per alerts query: well under the bound on parameters of SQLite (32,766) and PostgreSQL (65,535). */
const ALERTS_CHUNK = 500;

/** Reads of the register, always from the active version's tables. */
export class RegisterQueries {
  constructor(private readonly readStore: ReadModelStore) {}

  private table(logical: 'requests' | 'alerts'): Promise<string | undefined> {
    return this.readStore.activeTable('register', logical);
  }

  /** Both tables from one read of the projection's state: a page or a request asks it once, not twice. */
  private tables(): Promise<Record<'requests' | 'alerts', string> | undefined> {
    return activeTablesOf(this.readStore, 'register', ['requests', 'alerts']);
  }

  async findRequest(requestId: string): Promise<RequestView | undefined> {
    const tables = await this.tables();
    if (!tables) return undefined;
    // The request and its alerts in one statement: a row per alert, or one with null alert columns.
    const rows = await this.readStore.all<ViewRow & { alert_id: string | null; alert_channel: string | null; alert_sent_at: string | null }>(
      `SELECT ${JOINED_VIEW_COLUMNS}, a.alert_id, a.channel AS alert_channel, a.sent_at AS alert_sent_at
        FROM ${tables.requests} r LEFT JOIN ${tables.alerts} a ON a.request_id = r.request_id
        WHERE r.request_id = ? ORDER BY a.sent_at, a.alert_id`,
      [requestId],
    );
    const [row] = rows;
    if (row === undefined) return undefined;
    const alerts = rows.flatMap((a) => (a.alert_id === null ? [] : [{ alertId: a.alert_id, channel: a.alert_channel as string, sentAt: a.alert_sent_at as string }]));
    return toView(row, alerts);
  }

  async listRequests(filter: RequestFilter, page?: Keyset): Promise<RequestView[]> {
    const tables = await this.tables();
    if (!tables) return [];
    const { requests, alerts } = tables;
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [condition, value] of [
      ['status = ?', filter.status],
      ['kind = ?', filter.kind],
      ['operator_id = ?', filter.operatorId],
      ['filed_at >= ?', filter.filedFrom],
      ['filed_at <= ?', filter.filedTo],
    ] as const) {
      if (value !== undefined) {
        where.push(condition);
        params.push(value);
      }
    }
    const { where: after, tail, params: afterParams, tailParams } = paging(REQUESTS_ORDER, page);
    const sql = `SELECT ${VIEW_COLUMNS} FROM ${requests} WHERE ${[...where, after].join(' AND ')} ${tail}`;
    const rows = await this.readStore.all<ViewRow>(sql, [...params, ...afterParams, ...tailParams]);
    return this.views(rows, alerts);
  }

  async listNotices(status?: 'pending' | 'sent', page?: Keyset): Promise<NoticeView[]> {
    const requests = await this.table('requests');
    if (!requests) return [];
    const condition = status === 'pending' ? 'AND notice_sent_at IS NULL' : status === 'sent' ? 'AND notice_sent_at IS NOT NULL' : '';
    const { where: after, tail, params, tailParams } = paging(NOTICES_ORDER, page);
    const rows = await this.readStore.all<RequestRow>(
      `SELECT * FROM ${requests} WHERE kind = 'technical-data' ${condition} AND ${after} ${tail}`,
      [...params, ...tailParams],
    );
    return rows.map((row) => ({
      requestId: row.request_id,
      incidentId: row.incident_id ?? '',
      dataCategories: JSON.parse(row.data_categories ?? '[]') as string[],
      openedAt: row.filed_at,
      ...optional('sentAt', row.notice_sent_at),
      ...optional('reference', row.notice_reference),
      status: row.notice_sent_at === null ? 'pending' : 'sent',
    }));
  }

  /** The rows' alerts in one query per chunk of rows, not one per row: a page of 1,000 asks twice, not 1,000 times. */
  private async views(rows: readonly ViewRow[], alertsTable: string): Promise<RequestView[]> {
    const alerts = new Map<string, { alertId: string; channel: string; sentAt: string }[]>();
    for (let from = 0; from < rows.length; from += ALERTS_CHUNK) {
      const ids = rows.slice(from, from + ALERTS_CHUNK).map((r) => r.request_id);
      const found = await this.readStore.all<{ alert_id: string; request_id: string; channel: string; sent_at: string }>(
        `SELECT alert_id, request_id, channel, sent_at FROM ${alertsTable} WHERE request_id IN (${ids.map(() => '?').join(', ')}) ORDER BY request_id, sent_at, alert_id`,
        ids,
      );
      for (const a of found) {
        const list = alerts.get(a.request_id);
        const alert = { alertId: a.alert_id, channel: a.channel, sentAt: a.sent_at };
        if (list) list.push(alert);
        else alerts.set(a.request_id, [alert]);
      }
    }
    return rows.map((row) => toView(row, alerts.get(row.request_id) ?? []));
  }
}

const toView = (row: ViewRow, alerts: RequestView['alerts']): RequestView => ({
  requestId: row.request_id,
  kind: row.kind,
  status: row.status,
  operatorId: row.operator_id,
  agentId: row.agent_id,
  decisionRef: row.decision_ref,
  filedAt: row.filed_at,
  ...optional('deliveredAt', row.delivered_at),
  ...optional('declinedAt', row.declined_at),
  ...optional('datasetId', row.dataset_id),
  ...optional('recordCount', row.record_count),
  ...optional('retentionDeadline', row.retention_deadline),
  ...optional('purgedAt', row.purged_at),
  alerts,
  revision: row.revision,
});

