import type { ReadModelStore } from '../../read-model-store';

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
  readonly year?: number;
  readonly category?: string;
  readonly claimed: string;
  readonly approved: string;
  readonly paid: string;
}

/**
 * Sums read as decimal text in both databases (SQLite's 64-bit integer, PostgreSQL's
 * NUMERIC), then as bigint: a total is exact or refused, never rounded by a double.
 */
const sum = (column: string, alias: string): string => `CAST(COALESCE(SUM(${column}), 0) AS TEXT) AS ${alias}`;
const SUMS = [sum('claimed_cents', 'claimed'), sum('approved_cents', 'approved'), sum('paid_cents', 'paid')].join(', ');

const cents = (value: bigint): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('compensation total beyond exact integer range');
  }
  return Number(value);
};

const amounts = (row: SumRow): CompensationAmounts => {
  const [claimed, approved, paid] = [BigInt(row.claimed), BigInt(row.approved), BigInt(row.paid)];
  return { claimedCents: cents(claimed), approvedCents: cents(approved), paidCents: cents(paid), outstandingCents: cents(approved - paid) };
};

const ZERO: CompensationAmounts = { claimedCents: 0, approvedCents: 0, paidCents: 0, outstandingCents: 0 };

/** Totals per operator, year of filing and category (the compensation report), from the active version. */
export class CompensationQueries {
  constructor(private readonly readStore: ReadModelStore) {}

  async report(filter: CompensationFilter = {}): Promise<CompensationReport> {
    const claims = await this.readStore.activeTable('compensation', 'claims');
    if (!claims) return { items: [], totals: ZERO };
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
    const items = (
      await this.readStore.all<SumRow>(
        `SELECT operator_id, year, category, ${SUMS} FROM ${claims} ${condition} GROUP BY operator_id, year, category ORDER BY year, operator_id, category`,
        params,
      )
    ).map((row) => ({ operatorId: String(row.operator_id), year: Number(row.year), category: String(row.category), ...amounts(row) }));
    const totals = await this.readStore.get<SumRow>(`SELECT ${SUMS} FROM ${claims} ${condition}`, params);
    return { items, totals: totals ? amounts(totals) : ZERO };
  }
}
