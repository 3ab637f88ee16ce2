import { assertNever } from '../kernel/decider';
import { RequestEvent } from './request.events';
import { KnownRequest, RequestState } from './request.state';

export const initialRequestState = (): RequestState => ({ status: 'unknown' });

/** Events that only make sense on a known request leave an unknown one as it is (defensive on replay). */
const onKnown = (state: RequestState, update: (known: KnownRequest) => RequestState): RequestState =>
  state.status === 'unknown' ? state : update(state);

export const evolveRequest = (state: RequestState, event: RequestEvent): RequestState => {
  switch (event.type) {
    case 'RequestFiled':
      return {
        status: 'filed',
        filing: event.data,
        ...(event.data.kind === 'technical-data' ? { notice: 'pending' as const } : {}),
        alerts: [],
        accessCount: 0,
      };
    case 'OversightNotified':
      return onKnown(state, (s) => ({
        ...s,
        notice: 'sent',
        oversight: { sentAt: event.data.sentAt, reference: event.data.reference },
      }));
    case 'DataDelivered': {
      const { datasetId, sealed, recordCount, fieldNames, categories, deliveredAt, retentionDeadline } = event.data;
      const delivery = {
        datasetId,
        keyId: sealed.keyId,
        recordCount,
        ...(fieldNames ? { fieldNames } : {}),
        ...(categories ? { categories } : {}),
        deliveredAt,
        retentionDeadline,
      };
      return onKnown(state, (s) => ({ ...s, status: 'delivered', delivery }));
    }
    case 'RequestDeclined':
      return onKnown(state, (s) => ({
        ...s,
        status: 'declined',
        declinedAt: event.data.declinedAt,
        declineReason: event.data.reason,
      }));
    case 'DataAccessed':
      return onKnown(state, (s) => ({ ...s, accessCount: s.accessCount + 1 }));
    case 'AlertSent': {
      const { alertId, recordIndex, channel, sentAt } = event.data;
      return onKnown(state, (s) => ({ ...s, alerts: [...s.alerts, { alertId, recordIndex, channel, sentAt }] }));
    }
    case 'DataPurged':
      return onKnown(state, (s) =>
        s.status === 'delivered'
          ? {
              ...s,
              status: 'purged',
              purgedAt: event.data.purgedAt,
              purgeReason: event.data.reason,
              overdue: event.data.overdue,
            }
          : s,
      );
    case 'RequestClaimed':
      return onKnown(state, (s) => ({ ...s, claimedBy: event.data.claimId }));
    case 'RequestClaimReleased':
      return onKnown(state, (s) => {
        if (s.claimedBy !== event.data.claimId) return s;
        const { claimedBy: _released, ...rest } = s;
        return rest;
      });
    default:
      return assertNever(event);
  }
};
