import { DomainError } from '../kernel/domain-error';
import { instantMs } from '../kernel/instant';
import { ReleaseClaim, ReserveForClaim } from './request.commands';
import { RequestEvent } from './request.events';
import { isServed } from './request-use.rules';
import { RequestState } from './request.state';

/**
 * L2321-3 al. 3 compensates services performed, once: the request stream holds the claim
 * that reserved it, and its expected revision makes two concurrent claims collide.
 */
export const decideReserveForClaim = ({ data }: ReserveForClaim, state: RequestState): RequestEvent[] => {
  if (state.status === 'unknown' || state.filing.operatorId !== data.operatorId || !isServed(state)) {
    throw new DomainError('REQUEST_NOT_SERVED', 'request was not served by this operator');
  }
  if (state.claimedBy === data.claimId) return [];
  if (state.claimedBy !== undefined) {
    throw new DomainError('REQUEST_ALREADY_CLAIMED', 'request is already claimed by another claim');
  }
  instantMs(data.reservedAt, 'reservedAt');
  const { claimId, operatorId, reservedAt } = data;
  return [{ type: 'RequestClaimed', data: { requestId: state.filing.requestId, claimId, operatorId, reservedAt } }];
};

/** Undoes a reservation when the claim could not be recorded; only the holder may release. */
export const decideReleaseClaim = ({ data }: ReleaseClaim, state: RequestState): RequestEvent[] => {
  if (state.status === 'unknown' || state.claimedBy !== data.claimId) return [];
  instantMs(data.releasedAt, 'releasedAt');
  return [
    { type: 'RequestClaimReleased', data: { requestId: state.filing.requestId, claimId: data.claimId, releasedAt: data.releasedAt } },
  ];
};
