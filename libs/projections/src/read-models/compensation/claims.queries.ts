import type { ReadModelStore } from '../../read-model-store';
import { keysetCondition, keysetTail, type Keyset, type KeysetOrder } from '../keyset';

export type ClaimStatus = 'claimed' | 'assessed' | 'paid';

/** A claim as the list shows it (the amounts in integer cents). */
export interface ClaimListItem {
  readonly claimId: string;
  readonly operatorId: string;
  readonly requestIds: readonly string[];
  readonly category: string;
  readonly claimedCents: number;
  readonly approvedCents?: number;
  readonly paidCents: number;
  readonly status: ClaimStatus;
  readonly claimedAt: string;
}

export interface ClaimFilter {
  readonly operatorId?: string;
  readonly status?: ClaimStatus;
}

/** Newest first; the claim id orders claims filed at the same instant. */
export const CLAIMS_ORDER: KeysetOrder = { key: 'claimed_at', id: 'claim_id', direction: 'DESC' };

interface ClaimRow {
  claim_id: string;
  operator_id: string;
  category: string;
  claimed_cents: number | string;
  approved_cents: number | string | null;
  paid_cents: number | string;
  claimed_at: string;
  request_ids: string;
  status: ClaimStatus;
}

/** The claims, one page at a time, from the compensation read model's active version. */
export class ClaimsQueries {
  constructor(private readonly readStore: ReadModelStore) {}

  async list(filter: ClaimFilter, page: Keyset): Promise<ClaimListItem[]> {
    const claims = await this.readStore.activeTable('compensation', 'claims');
    if (!claims) return [];
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.operatorId !== undefined) {
      where.push('operator_id = ?');
      params.push(filter.operatorId);
    }
    if (filter.status !== undefined) {
      where.push('status = ?');
      params.push(filter.status);
    }
    const after = keysetCondition(CLAIMS_ORDER, page);
    const tail = keysetTail(CLAIMS_ORDER, page);
    const rows = await this.readStore.all<ClaimRow>(
      `SELECT claim_id, operator_id, category, claimed_cents, approved_cents, paid_cents, claimed_at, request_ids, status FROM ${claims} WHERE ${[...where, after.sql].join(' AND ')} ${tail.sql}`,
      [...params, ...after.params, ...tail.params],
    );
    return rows.map((row) => ({
      claimId: row.claim_id,
      operatorId: row.operator_id,
      requestIds: JSON.parse(row.request_ids) as string[],
      category: row.category,
      claimedCents: Number(row.claimed_cents),
      ...(row.approved_cents !== null ? { approvedCents: Number(row.approved_cents) } : {}),
      paidCents: Number(row.paid_cents),
      status: row.status,
      claimedAt: row.claimed_at,
    }));
  }
}
