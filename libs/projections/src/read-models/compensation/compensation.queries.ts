import type { ReadStore } from '../../read-store';

export interface CompensationFilter {
  readonly year?: number;
  readonly operatorId?: string;
}

export interface CompensationAmounts {
  readonly claimedCents: number;
  readonly approvedCents: number;
  readonly paidCents: number;
  /** approved − paid. */
  readonly outstandingCents: number;
}

export interface CompensationLine extends CompensationAmounts {
  readonly operatorId: string;
  readonly year: number;
  readonly category: string;
}

export interface CompensationReport {
  readonly items: readonly CompensationLine[];
  readonly totals: CompensationAmounts;
}

interface SumRow {
  readonly operator_id?: string;
  readonly year?: bigint;
  readonly category?: string;
  readonly claimed: bigint;
  readonly approved: bigint;
  readonly paid: bigint;
}

const SUMS = 'COALESCE(SUM(claimed_cents), 0) AS claimed, COALESCE(SUM(approved_cents), 0) AS approved, COALESCE(SUM(paid_cents), 0) AS paid';

/** Sums are SQLite 64-bit integers read as bigint: a total is exact or refused, never rounded. */
const cents = (value: bigint): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('compensation total beyond exact integer range');
  return Number(value);
};

const amounts = (row: SumRow): CompensationAmounts => ({
  claimedCents: cents(row.claimed),
  approvedCents: cents(row.approved),
  paidCents: cents(row.paid),
  outstandingCents: cents(row.approved - row.paid),
});

const ZERO: CompensationAmounts = { claimedCents: 0, approvedCents: 0, paidCents: 0, outstandingCents: 0 };

/** Totals per operator, year of filing and category (API.md → Reports), from the active version. */
export class CompensationQueries {
  constructor(private readonly readStore: ReadStore) {}

  report(filter: CompensationFilter = {}): CompensationReport {
    if (!this.readStore.state.find('compensation')) return { items: [], totals: ZERO };
    const claims = this.readStore.activeTable('compensation', 'claims');
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.year !== undefined) {
      where.push('year = ?');
      params.push(filter.year);
    }
    if (filter.operatorId !== undefined) {
      where.push('operator_id = ?');
      params.push(filter.operatorId);
    }
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const items = this.sums(
      `SELECT operator_id, year, category, ${SUMS} FROM ${claims} ${condition} GROUP BY operator_id, year, category ORDER BY year, operator_id, category`,
      params,
    ).map((row) => ({ operatorId: String(row.operator_id), year: Number(row.year), category: String(row.category), ...amounts(row) }));
    const [totals] = this.sums(`SELECT ${SUMS} FROM ${claims} ${condition}`, params);
    return { items, totals: amounts(totals) };
  }

  private sums(sql: string, params: readonly unknown[]): SumRow[] {
    return this.readStore.statement(sql).safeIntegers(true).all(...params) as SumRow[];
  }
}
