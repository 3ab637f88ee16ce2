import { CompensationCategory } from './claim.events';
import { ClaimState } from './claim.state';

/** docs/api.md, `GET /v1/claims/{claimId}` (plus expected and outstanding amounts). */
export interface ClaimView {
  readonly claimId: string;
  readonly operatorId: string;
  readonly requestIds: readonly string[];
  readonly category: CompensationCategory;
  readonly claimedCents: number;
  readonly expectedCents: number;
  readonly approvedCents?: number;
  readonly paidCents: number;
  readonly outstandingCents: number;
  readonly status: 'claimed' | 'assessed' | 'paid';
  readonly claimedAt: string;
}

export const claimView = (state: ClaimState): ClaimView | undefined => {
  if (state.status === 'unknown') return undefined;
  const { claimId, operatorId, requestIds, category, claimedCents, expectedCents, claimedAt } = state;
  const base = { claimId, operatorId, requestIds, category, claimedCents, expectedCents, claimedAt, status: state.status };
  if (state.status === 'claimed') return { ...base, paidCents: 0, outstandingCents: 0 };
  return {
    ...base,
    approvedCents: state.approvedCents,
    paidCents: state.paidCents,
    outstandingCents: state.approvedCents - state.paidCents,
  };
};
