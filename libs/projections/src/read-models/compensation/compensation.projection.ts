import { utcDateOf } from '@vigie/domain';
import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from '../../projection';
import { asDomainEvent } from '../domain-event';

/**
 * Compensation totals (L2321-3 al. 3): one row per claim with its operator, the year it
 * was filed (UTC year of `claimedAt`), its category (1° or 2°) and its amounts in integer
 * cents. Payments store the running total carried by the event, so re-applying one is harmless.
 * Version 2 keeps what the list of claims shows: when it was filed, its requests, its status.
 */
export const compensationProjection: Projection = {
  name: 'compensation',
  version: 2,
  handles: ['CostClaimed', 'CostClaimAssessed', 'CompensationPaid'],
  tables: [
    {
      name: 'claims',
      columns: [
        'claim_id TEXT PRIMARY KEY',
        'operator_id TEXT NOT NULL',
        'year INTEGER NOT NULL',
        'category TEXT NOT NULL',
        'claimed_cents BIGINT NOT NULL',
        'approved_cents BIGINT',
        'paid_cents BIGINT NOT NULL DEFAULT 0',
        'claimed_at TEXT NOT NULL',
        'request_ids TEXT NOT NULL',
        'status TEXT NOT NULL',
      ],
      indexes: [
        { name: 'by_year', columns: ['year', 'operator_id'] },
        { name: 'by_operator', columns: ['operator_id', 'year'] },
        { name: 'by_filing', columns: ['claimed_at', 'claim_id'] },
      ],
    },
  ],
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    const claims = tx.table('claims');
    const e = asDomainEvent(event);
    switch (e.type) {
      case 'CostClaimed':
        tx.run(
          `INSERT INTO ${claims} (claim_id, operator_id, year, category, claimed_cents, claimed_at, request_ids, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'claimed') ON CONFLICT DO NOTHING`,
          [e.data.claimId, e.data.operatorId, filingYear(e.data.claimedAt), e.data.category, e.data.amountCents, e.data.claimedAt, JSON.stringify(e.data.requestIds)],
        );
        return;
      case 'CostClaimAssessed':
        tx.run(`UPDATE ${claims} SET approved_cents = ?, status = 'assessed' WHERE claim_id = ?`, [e.data.approvedCents, e.data.claimId]);
        return;
      case 'CompensationPaid':
        // The running total only grows: an older payment replayed after a newer one changes nothing.
        // Paid once the payments reach the approved amount, as the claim's own stream says.
        tx.run(
          `UPDATE ${claims} SET paid_cents = ?, status = CASE WHEN approved_cents = ? THEN 'paid' ELSE 'assessed' END WHERE claim_id = ? AND paid_cents < ?`,
          [e.data.totalPaidCents, e.data.totalPaidCents, e.data.claimId, e.data.totalPaidCents],
        );
        return;
      default:
        return;
    }
  },
};

/** The year of filing is the UTC year, like every instant Vigie records (the API's convention). */
const filingYear = (claimedAt: string): number => Number(utcDateOf(claimedAt).slice(0, 4));
