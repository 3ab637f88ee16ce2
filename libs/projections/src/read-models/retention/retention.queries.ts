import type { ReadModelStore } from '../../read-model-store';
import { keysetCondition, keysetTail, type Keyset, type KeysetOrder } from '../keyset';

/** Earliest deadline first; the dataset id orders datasets due at the same instant. */
export const RETENTION_ORDER: KeysetOrder = { key: 'retention_deadline', id: 'dataset_id', direction: 'ASC' };

export type RetentionStatus = 'retained' | 'purged' | 'overdue';
export const RETENTION_STATUSES: readonly RetentionStatus[] = ['retained', 'purged', 'overdue'];

export interface RetentionItem {
  readonly datasetId: string;
  readonly requestId: string;
  readonly kind: string;
  readonly deliveredAt: string;
  readonly retentionDeadline: string;
  readonly status: RetentionStatus;
  readonly purgedAt?: string;
  readonly purgeReason?: string;
  /** Purged after its deadline, or still held past it (docs/design.md → Rules: flagged in every report). */
  readonly overdue: boolean;
}

export interface RetentionReportFilter {
  /** The instant the statuses are judged at (the runtime clock), normalised `toISOString()` form. */
  readonly now: string;
  /** Deadlines at or before this instant (normalised form). */
  readonly dueBefore?: string;
  readonly status?: RetentionStatus;
}

export interface DatasetKeyRow {
  readonly requestId: string;
  readonly datasetId: string;
  readonly keyId: string;
}

interface DatasetRow {
  dataset_id: string;
  request_id: string;
  kind: string;
  delivered_at: string;
  retention_deadline: string;
  key_id: string;
  purged_at: string | null;
  purge_reason: string | null;
  overdue: number;
}

const keyRow = (row: DatasetRow): DatasetKeyRow => ({ requestId: row.request_id, datasetId: row.dataset_id, keyId: row.key_id });

/**
 * Reads of the retention read model. Instants are compared as text: every deadline and
 * every `at` is in the one `YYYY-MM-DDTHH:mm:ss.sssZ` form (addCalendarPeriod, toISOString).
 */
export class RetentionQueries {
  constructor(private readonly readStore: ReadModelStore) {}

  private async rows(where: string, params: readonly unknown[], page?: Keyset): Promise<DatasetRow[]> {
    const datasets = await this.readStore.activeTable('retention', 'datasets');
    if (!datasets) return [];
    if (page === undefined) {
      return this.readStore.all<DatasetRow>(`SELECT * FROM ${datasets} WHERE ${where} ORDER BY retention_deadline, dataset_id`, params);
    }
    const after = keysetCondition(RETENTION_ORDER, page);
    const tail = keysetTail(RETENTION_ORDER, page);
    return this.readStore.all<DatasetRow>(`SELECT * FROM ${datasets} WHERE ${where} AND ${after.sql} ${tail.sql}`, [...params, ...after.params, ...tail.params]);
  }

  /** Datasets still held whose deadline is at or before `at`: what the scheduler purges. */
  async due(at: string): Promise<DatasetKeyRow[]> {
    return (await this.rows('purged_at IS NULL AND retention_deadline <= ?', [at])).map(keyRow);
  }

  /** Datasets purged in the log, with their key ids, to reconcile keys still active in the vault. */
  async purgedWithKeys(): Promise<DatasetKeyRow[]> {
    return (await this.rows('purged_at IS NOT NULL', [])).map(keyRow);
  }

  /** Without a page, the whole report (the command line's replay); with one, `limit + 1` rows at most. */
  async report(filter: RetentionReportFilter, page?: Keyset): Promise<RetentionItem[]> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (filter.dueBefore !== undefined) {
      where.push('retention_deadline <= ?');
      params.push(filter.dueBefore);
    }
    if (filter.status === 'purged') where.push('purged_at IS NOT NULL');
    if (filter.status === 'overdue') {
      where.push('purged_at IS NULL AND retention_deadline < ?');
      params.push(filter.now);
    }
    if (filter.status === 'retained') {
      where.push('purged_at IS NULL AND retention_deadline >= ?');
      params.push(filter.now);
    }
    return (await this.rows(where.join(' AND '), params, page)).map((row) => this.item(row, filter.now));
  }

  private item(row: DatasetRow, now: string): RetentionItem {
    const purged = row.purged_at !== null;
    const late = purged ? Number(row.overdue) === 1 : row.retention_deadline < now;
    return {
      datasetId: row.dataset_id,
      requestId: row.request_id,
      kind: row.kind,
      deliveredAt: row.delivered_at,
      retentionDeadline: row.retention_deadline,
      status: purged ? 'purged' : late ? 'overdue' : 'retained',
      ...(row.purged_at !== null ? { purgedAt: row.purged_at } : {}),
      ...(row.purge_reason !== null ? { purgeReason: row.purge_reason } : {}),
      overdue: late,
    };
  }
}
