import type { ReadModelStore } from '../../read-model-store';

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
  readonly limit?: number;
}

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

const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: V };

/** Reads of the register, always from the active version's tables. */
export class RegisterQueries {
  constructor(private readonly readStore: ReadModelStore) {}

  private table(logical: 'requests' | 'alerts'): Promise<string | undefined> {
    return this.readStore.activeTable('register', logical);
  }

  async findRequest(requestId: string): Promise<RequestView | undefined> {
    const requests = await this.table('requests');
    if (!requests) return undefined;
    const row = await this.readStore.get<RequestRow>(`SELECT * FROM ${requests} WHERE request_id = ?`, [requestId]);
    return row && this.view(row);
  }

  async listRequests(filter: RequestFilter): Promise<RequestView[]> {
    const requests = await this.table('requests');
    if (!requests) return [];
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['status', filter.status],
      ['kind', filter.kind],
      ['operator_id', filter.operatorId],
    ] as const) {
      if (value !== undefined) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    const sql = `SELECT * FROM ${requests} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY filed_at DESC, request_id LIMIT ?`;
    const rows = await this.readStore.all<RequestRow>(sql, [...params, filter.limit ?? 1000]);
    return Promise.all(rows.map((row) => this.view(row)));
  }

  async listNotices(status?: 'pending' | 'sent'): Promise<NoticeView[]> {
    const requests = await this.table('requests');
    if (!requests) return [];
    const condition = status === 'pending' ? 'AND notice_sent_at IS NULL' : status === 'sent' ? 'AND notice_sent_at IS NOT NULL' : '';
    const rows = await this.readStore.all<RequestRow>(
      `SELECT * FROM ${requests} WHERE kind = 'technical-data' ${condition} ORDER BY filed_at, request_id`,
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

  private async view(row: RequestRow): Promise<RequestView> {
    const alerts = await this.readStore.all<{ alert_id: string; channel: string; sent_at: string }>(
      `SELECT alert_id, channel, sent_at FROM ${await this.table('alerts')} WHERE request_id = ? ORDER BY sent_at, alert_id`,
      [row.request_id],
    );
    return {
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
      alerts: alerts.map((a) => ({ alertId: a.alert_id, channel: a.channel, sentAt: a.sent_at })),
      revision: row.revision,
    };
  }
}
