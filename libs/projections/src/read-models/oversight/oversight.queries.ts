import { instantMs } from '@vigie/domain';
import type { ReadModelStore } from '../../read-model-store';

export interface OversightPeriod {
  /** Inclusive start (ISO instant); the beginning of the log when absent. */
  readonly from?: string;
  /** Exclusive end (ISO instant); no end when absent. */
  readonly to?: string;
  /** The runtime clock's instant: pending notices wait until `to`, or until now without one. */
  readonly now: string;
}

export interface PendingNotice {
  readonly requestId: string;
  readonly openedAt: string;
  readonly waitingSeconds: number;
}

export interface OversightReport {
  readonly from: string | null;
  readonly to: string | null;
  readonly requests: {
    readonly total: number;
    readonly byKind: Readonly<Record<string, number>>;
    /** Status of the requests filed in the period, as it stood at `to`. */
    readonly byStatus: Readonly<Record<string, number>>;
    readonly byOperator: readonly { readonly operatorId: string; readonly count: number }[];
  };
  readonly alertsSent: { readonly total: number; readonly byChannel: Readonly<Record<string, number>> };
  readonly accesses: { readonly total: number };
  readonly accessesByPurpose: Readonly<Record<string, number>>;
  readonly purges: { readonly total: number };
  readonly purgesByReason: Readonly<Record<string, number>>;
  readonly overduePurges: number;
  readonly notices: {
    readonly pending: readonly PendingNotice[];
    readonly pendingCount: number;
    readonly sent: number;
    readonly averageWaitSeconds: number | null;
  };
  readonly habilitationListTransmissions: readonly { readonly listVersion: number; readonly transmittedAt: string; readonly agentCount: number }[];
}

/** Outside any real instant, so an open bound needs no special SQL. */
const BEGINNING = -8.64e15;
const END = 8.64e15;

const KINDS = ['subscriber-identification', 'technical-data'];
const STATUSES = ['filed', 'delivered', 'declined', 'purged'];
const CHANNELS = ['email', 'postal'];
const PURPOSES = ['alert-holder', 'characterize-threat'];

/** Known keys start at 0 so a quiet period still says "0"; unknown keys found in the rows follow. */
function tally(keys: readonly string[], rows: readonly { k: string; n: number }[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const row of rows) out[row.k] = row.n;
  return out;
}

/**
 * The oversight report over [from, to): requests by filing time, alerts, accesses, purges
 * and list transmissions by their own business time. Pure over the read store (no clock:
 * `now` is passed in), so the CLI runs it on an in-memory replay. Camel-case aliases are
 * quoted: PostgreSQL folds bare identifiers to lower case.
 */
export async function oversightReport(readStore: ReadModelStore, period: OversightPeriod): Promise<OversightReport> {
  const lo = period.from === undefined ? BEGINNING : instantMs(period.from, 'from');
  const hi = period.to === undefined ? END : instantMs(period.to, 'to');
  if (hi <= lo) throw new RangeError('to must be after from');
  const asOf = period.to ?? period.now;
  const asOfMs = instantMs(asOf, 'now');
  const tables = new Map<string, string>();
  for (const logical of ['requests', 'alerts', 'accesses', 'purges', 'lists']) {
    const table = await readStore.activeTable('oversight', logical);
    if (table) tables.set(logical, table);
  }
  const t = (logical: string): string => tables.get(logical) as string;
  const all = async <T>(sql: (table: (logical: string) => string) => string, params: unknown[]): Promise<T[]> =>
    tables.size === 0 ? [] : readStore.all<T>(sql(t), params);
  const one = async (sql: (table: (logical: string) => string) => string, params: unknown[]): Promise<number> =>
    Number((await all<{ n: number }>(sql, params))[0]?.n ?? 0);
  const counted = async (sql: (table: (logical: string) => string) => string, params: unknown[]): Promise<{ k: string; n: number }[]> =>
    (await all<{ k: string; n: number }>(sql, params)).map((r) => ({ k: r.k, n: Number(r.n) }));
  const range = [lo, hi];

  const filedIn = (tb: (l: string) => string): string => `FROM ${tb('requests')} WHERE filed_ms >= ? AND filed_ms < ?`;
  const status = `CASE WHEN purged_ms < ? THEN 'purged' WHEN delivered_ms < ? THEN 'delivered' WHEN declined_ms < ? THEN 'declined' ELSE 'filed' END`;
  const byOperator = (
    await all<{ operatorId: string; count: number }>(
      (tb) => `SELECT operator_id AS "operatorId", count(*) AS "count" ${filedIn(tb)} GROUP BY operator_id ORDER BY 2 DESC, operator_id`,
      range,
    )
  ).map((r) => ({ operatorId: r.operatorId, count: Number(r.count) }));
  const pendingRows = await all<{ requestId: string; openedAt: string; openedMs: number }>(
    (tb) => `SELECT request_id AS "requestId", filed_at AS "openedAt", filed_ms AS "openedMs" FROM ${tb('requests')}
      WHERE kind = 'technical-data' AND filed_ms < ? AND (notice_sent_ms IS NULL OR notice_sent_ms >= ?) ORDER BY filed_ms, request_id`,
    [hi, hi],
  );
  // A wait is never negative, even for a notice recorded before sentAt was checked against the opening.
  const [sentStats] = await all<{ n: number; avg: number | null }>(
    (tb) => `SELECT count(*) AS n, avg(CASE WHEN notice_sent_ms > filed_ms THEN notice_sent_ms - filed_ms ELSE 0 END) AS avg FROM ${tb('requests')}
      WHERE kind = 'technical-data' AND notice_sent_ms >= ? AND notice_sent_ms < ?`,
    range,
  );
  const averageWaitMs = sentStats?.avg === null || sentStats?.avg === undefined ? null : Number(sentStats.avg);

  return {
    from: period.from ?? null,
    to: period.to ?? null,
    requests: {
      total: await one((tb) => `SELECT count(*) AS n ${filedIn(tb)}`, range),
      byKind: tally(KINDS, await counted((tb) => `SELECT kind AS k, count(*) AS n ${filedIn(tb)} GROUP BY kind`, range)),
      // Grouped by position: PostgreSQL does not group by an output alias that repeats parameters.
      byStatus: tally(STATUSES, await counted((tb) => `SELECT ${status} AS k, count(*) AS n ${filedIn(tb)} GROUP BY 1`, [hi, hi, hi, ...range])),
      byOperator,
    },
    alertsSent: {
      total: await one((tb) => `SELECT count(*) AS n FROM ${tb('alerts')} WHERE sent_ms >= ? AND sent_ms < ?`, range),
      byChannel: tally(
        CHANNELS,
        await counted((tb) => `SELECT channel AS k, count(*) AS n FROM ${tb('alerts')} WHERE sent_ms >= ? AND sent_ms < ? GROUP BY channel`, range),
      ),
    },
    accesses: { total: await one((tb) => `SELECT count(*) AS n FROM ${tb('accesses')} WHERE accessed_ms >= ? AND accessed_ms < ?`, range) },
    accessesByPurpose: tally(
      PURPOSES,
      await counted((tb) => `SELECT purpose AS k, count(*) AS n FROM ${tb('accesses')} WHERE accessed_ms >= ? AND accessed_ms < ? GROUP BY purpose`, range),
    ),
    purges: { total: await one((tb) => `SELECT count(*) AS n FROM ${tb('purges')} WHERE purged_ms >= ? AND purged_ms < ?`, range) },
    purgesByReason: tally(
      [],
      await counted((tb) => `SELECT reason AS k, count(*) AS n FROM ${tb('purges')} WHERE purged_ms >= ? AND purged_ms < ? GROUP BY reason ORDER BY reason`, range),
    ),
    overduePurges: await one((tb) => `SELECT count(*) AS n FROM ${tb('purges')} WHERE purged_ms >= ? AND purged_ms < ? AND overdue = 1`, range),
    notices: {
      pending: pendingRows.map((r) => ({
        requestId: r.requestId,
        openedAt: r.openedAt,
        waitingSeconds: Math.max(0, Math.round((asOfMs - Number(r.openedMs)) / 1000)),
      })),
      pendingCount: pendingRows.length,
      sent: Number(sentStats?.n ?? 0),
      averageWaitSeconds: averageWaitMs === null ? null : Math.round(averageWaitMs / 1000),
    },
    habilitationListTransmissions: (
      await all<{ listVersion: number; transmittedAt: string; agentCount: number }>(
        (tb) => `SELECT list_version AS "listVersion", transmitted_at AS "transmittedAt", agent_count AS "agentCount" FROM ${tb('lists')}
        WHERE transmitted_ms >= ? AND transmitted_ms < ? ORDER BY list_version`,
        range,
      )
    ).map((r) => ({ listVersion: Number(r.listVersion), transmittedAt: r.transmittedAt, agentCount: Number(r.agentCount) })),
  };
}
