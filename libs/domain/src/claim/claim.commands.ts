import { DomainCommand } from '../kernel/command';
import { ServedFacts } from '../request/request.state';

export type ClaimCosts = DomainCommand<
  'ClaimCosts',
  {
    readonly claimId: string;
    readonly operatorId: string;
    /** The facts of each request, gathered by the caller with `servedFacts` (order kept). */
    readonly requests: readonly ServedFacts[];
    readonly amountCents: number;
    readonly expectedCents: number;
    readonly description: string;
    readonly claimedAt: string;
  }
>;

export type AssessClaim = DomainCommand<
  'AssessClaim',
  { readonly approvedCents: number; readonly note: string; readonly assessedAt: string; readonly by: string }
>;

export type PayCompensation = DomainCommand<
  'PayCompensation',
  { readonly paidCents: number; readonly paymentRef: string; readonly paidAt: string; readonly by: string }
>;

export type ClaimCommand = ClaimCosts | AssessClaim | PayCompensation;
