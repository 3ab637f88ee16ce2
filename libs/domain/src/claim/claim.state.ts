import { CompensationCategory } from './claim.events';

interface ClaimFacts {
  readonly claimId: string;
  readonly operatorId: string;
  readonly requestIds: readonly string[];
  readonly category: CompensationCategory;
  readonly claimedCents: number;
  readonly expectedCents: number;
  readonly description: string;
  readonly claimedAt: string;
}

interface Assessment {
  readonly approvedCents: number;
  readonly note: string;
  readonly assessedAt: string;
  readonly paidCents: number;
  readonly paymentRefs: readonly string[];
}

/** claimed → assessed (possibly partly paid) → paid (paid == approved > 0). */
export type ClaimState =
  | { readonly status: 'unknown' }
  | ({ readonly status: 'claimed' } & ClaimFacts)
  | ({ readonly status: 'assessed' } & ClaimFacts & Assessment)
  | ({ readonly status: 'paid' } & ClaimFacts & Assessment);

export type AssessedClaim = Extract<ClaimState, { readonly status: 'assessed' | 'paid' }>;
