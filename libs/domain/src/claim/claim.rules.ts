import { DomainError } from '../kernel/domain-error';
import { hasDuplicates, isIntegerInRange, validationFailed } from '../kernel/guards';
import { ServedFacts } from '../request/request.state';
import { CompensationCategory } from './claim.events';
import { AssessedClaim, ClaimState } from './claim.state';

export const MAX_CLAIM_CENTS = 1_000_000_000_000;

export const assertClaimIsNew = (state: ClaimState): void => {
  if (state.status !== 'unknown') throw new DomainError('CLAIM_EXISTS', 'claim already filed');
};

export function assertClaimKnown(state: ClaimState): asserts state is Exclude<ClaimState, { status: 'unknown' }> {
  if (state.status === 'unknown') throw new DomainError('NOT_FOUND', 'claim not found');
}

/** Amounts are integer euro cents excluding tax (docs/design.md → Rules). */
export const assertClaimShape = (requests: readonly ServedFacts[], amountCents: number, expectedCents: number): void => {
  if (!Array.isArray(requests) || requests.length === 0) throw validationFailed('requestIds must not be empty');
  if (hasDuplicates(requests.map((r) => r.requestId))) throw validationFailed('requestIds must not repeat');
  if (!isIntegerInRange(amountCents, 1, MAX_CLAIM_CENTS)) throw validationFailed('amountCents must be an integer in 1..10^12');
  if (!isIntegerInRange(expectedCents, 0, Number.MAX_SAFE_INTEGER)) throw validationFailed('expectedCents must be a non-negative integer');
};

/** L2321-3 al. 3: "prestations effectuées" — each request addressed to this operator and answered. */
export const assertRequestsServedBy = (requests: readonly ServedFacts[], operatorId: string): void => {
  const notServed = requests.find((r) => r.operatorId !== operatorId || !r.served);
  if (notServed) throw new DomainError('REQUEST_NOT_SERVED', `request ${notServed.requestId} was not served by this operator`);
};

/**
 * L2321-3 al. 3: 1° electronic-communications operators (both paragraphs), 2° hosting
 * providers (identification only). One claim, one legal basis: mixing is refused.
 */
export const compensationCategory = (requests: readonly ServedFacts[]): CompensationCategory => {
  if (requests.every((r) => r.addresseeRole === 'electronic-communications')) return 'electronic-communications';
  if (requests.every((r) => r.addresseeRole === 'hosting' && r.kind === 'subscriber-identification')) return 'hosting';
  throw new DomainError('CLAIM_MIXES_CATEGORIES', 'a claim covers requests of one compensation category (1° or 2°)');
};

/** docs/design.md → Rules: ANSSI approves at most what was claimed. */
export const assertApprovable = (approvedCents: number, claimedCents: number): void => {
  if (!isIntegerInRange(approvedCents, 0, claimedCents)) {
    throw new DomainError('APPROVED_EXCEEDS_CLAIMED', 'approvedCents must be an integer between 0 and the claimed amount');
  }
};

export function assertAssessed(state: ClaimState): asserts state is AssessedClaim {
  assertClaimKnown(state);
  if (state.status === 'claimed') throw new DomainError('CLAIM_NOT_ASSESSED', 'claim not assessed yet');
}

/** docs/design.md → Rules: paid ≤ approved; a payment reference is used once. */
export const assertPayable = (state: AssessedClaim, paidCents: number, paymentRef: string): void => {
  if (state.paymentRefs.includes(paymentRef)) throw new DomainError('PAYMENT_REF_REUSED', 'payment reference already used');
  if (!isIntegerInRange(paidCents, 1, MAX_CLAIM_CENTS)) throw validationFailed('paidCents must be a positive integer');
  if (state.paidCents + paidCents > state.approvedCents) {
    throw new DomainError('PAYMENT_EXCEEDS_APPROVED', 'payments would exceed the approved amount');
  }
};
