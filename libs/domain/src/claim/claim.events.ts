import { DomainEvent } from '../kernel/decider';
import { OperatorCategory } from '../operator/operator.events';

/** L2321-3 al. 3: 1° electronic-communications operators, 2° hosting providers. */
export type CompensationCategory = OperatorCategory;

export type CostClaimed = DomainEvent<
  'CostClaimed',
  {
    readonly claimId: string;
    readonly operatorId: string;
    readonly requestIds: readonly string[];
    readonly amountCents: number;
    /** Tariff-based amount (arrêté of the Prime Minister), for comparison. */
    readonly expectedCents: number;
    readonly category: CompensationCategory;
    readonly description: string;
    readonly claimedAt: string;
  }
>;

export type CostClaimAssessed = DomainEvent<
  'CostClaimAssessed',
  {
    readonly claimId: string;
    readonly operatorId: string;
    readonly claimedCents: number;
    readonly approvedCents: number;
    readonly note: string;
    readonly assessedAt: string;
    readonly by: string;
  }
>;

export type CompensationPaid = DomainEvent<
  'CompensationPaid',
  {
    readonly claimId: string;
    readonly operatorId: string;
    readonly paidCents: number;
    /** Paid so far on this claim, this payment included. */
    readonly totalPaidCents: number;
    readonly paymentRef: string;
    readonly paidAt: string;
    readonly by: string;
  }
>;

export type ClaimEvent = CostClaimed | CostClaimAssessed | CompensationPaid;

export const CLAIM_EVENT_TYPES = [
  'CostClaimed',
  'CostClaimAssessed',
  'CompensationPaid',
] as const satisfies readonly ClaimEvent['type'][];
