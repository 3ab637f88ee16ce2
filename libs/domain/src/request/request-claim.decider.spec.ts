import { fold } from '../kernel/decider';
import { given } from '../kernel/decider-spec';
import { ReleaseClaim, ReserveForClaim } from './request.commands';
import { requestDecider } from './request.decider';
import { RequestClaimed, RequestClaimReleased, RequestDeclined } from './request.events';
import { identificationDelivered, identificationFiled } from './request.fixtures';

const reserve = (claimId = 'cl-1', operatorId = 'op-1'): ReserveForClaim => ({
  type: 'ReserveForClaim',
  data: { claimId, operatorId, reservedAt: '2026-04-01T00:00:00.000Z' },
});
const claimed = (claimId = 'cl-1'): RequestClaimed => ({
  type: 'RequestClaimed',
  data: { requestId: 'rq-1', claimId, operatorId: 'op-1', reservedAt: '2026-04-01T00:00:00.000Z' },
});
const release = (claimId = 'cl-1'): ReleaseClaim => ({
  type: 'ReleaseClaim',
  data: { claimId, releasedAt: '2026-04-01T00:01:00.000Z' },
});
const released: RequestClaimReleased = {
  type: 'RequestClaimReleased',
  data: { requestId: 'rq-1', claimId: 'cl-1', releasedAt: '2026-04-01T00:01:00.000Z' },
};
const declined: RequestDeclined = {
  type: 'RequestDeclined',
  data: { requestId: 'rq-1', operatorId: 'op-1', reason: 'none', declinedAt: '2026-03-11T00:00:00.000Z' },
};
const served = [identificationFiled(), identificationDelivered()];

describe('ReserveForClaim (L2321-3 al. 3: a served request is compensated once)', () => {
  it('reserves a delivered request for the claim', () => {
    given(requestDecider, served).when(reserve()).then([claimed()]);
  });

  it('reserves a declined request, and a purged one (served before the purge)', () => {
    given(requestDecider, [identificationFiled(), declined]).when(reserve()).then([claimed()]);
    const purged = {
      type: 'DataPurged' as const,
      data: {
        requestId: 'rq-1', datasetId: 'ds-1', keyId: 'key-1', reason: 'deadline', by: 'system',
        purgedAt: '2028-03-12T10:00:00.000Z', retentionDeadline: '2028-03-12T10:00:00.000Z', overdue: false,
      },
    };
    given(requestDecider, [...served, purged]).when(reserve()).then([claimed()]);
  });

  it('is idempotent for the same claim', () => {
    given(requestDecider, [...served, claimed()]).when(reserve()).then([]);
  });

  it('refuses a request held by another claim: REQUEST_ALREADY_CLAIMED', () => {
    given(requestDecider, [...served, claimed()]).when(reserve('cl-2')).thenRefuses('REQUEST_ALREADY_CLAIMED');
  });

  it('refuses an unanswered, unknown or other operator request: REQUEST_NOT_SERVED', () => {
    given(requestDecider, [identificationFiled()]).when(reserve()).thenRefuses('REQUEST_NOT_SERVED');
    given(requestDecider).when(reserve()).thenRefuses('REQUEST_NOT_SERVED');
    given(requestDecider, served).when(reserve('cl-1', 'op-2')).thenRefuses('REQUEST_NOT_SERVED');
  });

  it('may be claimed again once released', () => {
    given(requestDecider, [...served, claimed(), released]).when(reserve('cl-2')).then([claimed('cl-2')]);
  });
});

describe('ReleaseClaim', () => {
  it('releases a reservation held by that claim', () => {
    given(requestDecider, [...served, claimed()]).when(release()).then([released]);
  });

  it('does nothing for another claim, an unreserved or an unknown request', () => {
    given(requestDecider, [...served, claimed()]).when(release('cl-2')).then([]);
    given(requestDecider, served).when(release()).then([]);
    given(requestDecider).when(release()).then([]);
  });
});

describe('request claim reservations at their edges', () => {
  it.each([
    ['reservedAt', { ...reserve(), data: { ...reserve().data, reservedAt: '2026-04-01' } }, served],
    ['releasedAt', { ...release(), data: { ...release().data, releasedAt: 'soon' } }, [...served, claimed()]],
  ] as const)('names the malformed %s', (field, command, history) => {
    given(requestDecider, history).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });

  it('keeps a reservation when a release of another claim is replayed', () => {
    const otherRelease: RequestClaimReleased = { ...released, data: { ...released.data, claimId: 'cl-2' } };
    expect(fold(requestDecider, [...served, claimed(), otherRelease])).toMatchObject({ claimedBy: 'cl-1' });
    expect(fold(requestDecider, [...served, claimed(), released])).not.toHaveProperty('claimedBy');
  });
});
