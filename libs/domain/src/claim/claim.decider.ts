import { assertNever, Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { assertNonBlank } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { AssessClaim, ClaimCommand, ClaimCosts, PayCompensation } from './claim.commands';
import { ClaimEvent } from './claim.events';
import {
  assertApprovable,
  assertAssessed,
  assertClaimIsNew,
  assertClaimKnown,
  assertClaimShape,
  assertPayable,
  assertRequestsServedBy,
  compensationCategory,
} from './claim.rules';
import { ClaimState } from './claim.state';

export const initialClaimState = (): ClaimState => ({ status: 'unknown' });

export const evolveClaim = (state: ClaimState, event: ClaimEvent): ClaimState => {
  switch (event.type) {
    case 'CostClaimed': {
      const { amountCents, ...facts } = event.data;
      return { status: 'claimed', ...facts, claimedCents: amountCents };
    }
    case 'CostClaimAssessed':
      if (state.status !== 'claimed') return state;
      return {
        ...state,
        status: 'assessed',
        approvedCents: event.data.approvedCents,
        note: event.data.note,
        assessedAt: event.data.assessedAt,
        paidCents: 0,
        paymentRefs: [],
      };
    case 'CompensationPaid': {
      if (state.status !== 'assessed') return state;
      const paidCents = state.paidCents + event.data.paidCents;
      const paymentRefs = [...state.paymentRefs, event.data.paymentRef];
      return { ...state, status: paidCents === state.approvedCents ? 'paid' : 'assessed', paidCents, paymentRefs };
    }
    default:
      return assertNever(event);
  }
};

const claim = ({ data }: ClaimCosts, state: ClaimState): ClaimEvent[] => {
  assertClaimIsNew(state);
  assertClaimShape(data.requests, data.amountCents, data.expectedCents);
  assertNonBlank(data.description, 'description');
  instantMs(data.claimedAt, 'claimedAt');
  assertRequestsServedBy(data.requests, data.operatorId);
  const category = compensationCategory(data.requests);
  const { claimId, operatorId, amountCents, expectedCents, description, claimedAt } = data;
  const requestIds = data.requests.map((r) => r.requestId);
  return [
    { type: 'CostClaimed', data: { claimId, operatorId, requestIds, amountCents, expectedCents, category, description, claimedAt } },
  ];
};

const assess = ({ data }: AssessClaim, state: ClaimState): ClaimEvent[] => {
  assertClaimKnown(state);
  if (state.status !== 'claimed') throw new DomainError('CLAIM_ALREADY_ASSESSED', 'claim already assessed');
  assertApprovable(data.approvedCents, state.claimedCents);
  instantMs(data.assessedAt, 'assessedAt');
  const { claimId, operatorId, claimedCents } = state;
  const { approvedCents, note, assessedAt, by } = data;
  return [{ type: 'CostClaimAssessed', data: { claimId, operatorId, claimedCents, approvedCents, note, assessedAt, by } }];
};

const pay = ({ data }: PayCompensation, state: ClaimState): ClaimEvent[] => {
  assertAssessed(state);
  assertNonBlank(data.paymentRef, 'paymentRef');
  assertPayable(state, data.paidCents, data.paymentRef);
  instantMs(data.paidAt, 'paidAt');
  const { claimId, operatorId } = state;
  const { paidCents, paymentRef, paidAt, by } = data;
  const totalPaidCents = state.paidCents + paidCents;
  return [{ type: 'CompensationPaid', data: { claimId, operatorId, paidCents, totalPaidCents, paymentRef, paidAt, by } }];
};

export const decideClaim = (command: ClaimCommand, state: ClaimState): ClaimEvent[] => {
  switch (command.type) {
    case 'ClaimCosts':
      return claim(command, state);
    case 'AssessClaim':
      return assess(command, state);
    case 'PayCompensation':
      return pay(command, state);
    default:
      return assertNever(command);
  }
};

/** The `claim-<id>` stream (L2321-3 al. 3). Requests are reserved on their own streams first. */
export const claimDecider: Decider<ClaimCommand, ClaimEvent, ClaimState> = {
  initialState: initialClaimState,
  evolve: evolveClaim,
  decide: decideClaim,
};
