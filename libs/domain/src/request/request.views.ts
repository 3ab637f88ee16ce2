import { isServed } from './request-use.rules';
import { AlertRecord, RequestState, RequestStatus, ServedFacts } from './request.state';
import { RequestKind } from './request.types';

/** The facts a compensation claim needs about one request (L2321-3 al. 3), or undefined if unknown. */
export const servedFacts = (state: RequestState): ServedFacts | undefined => {
  if (state.status === 'unknown') return undefined;
  const { requestId, operatorId, addresseeRole, kind } = state.filing;
  const recordCount = state.status === 'delivered' || state.status === 'purged' ? state.delivery.recordCount : 0;
  return { requestId, operatorId, addresseeRole, kind, served: isServed(state), recordCount };
};

/** The request view of docs/api.md, from the stream alone; it never contains delivered data. */
export interface RequestSummary {
  readonly requestId: string;
  readonly kind: RequestKind;
  readonly status: RequestStatus;
  readonly operatorId: string;
  readonly agentId: string;
  readonly decisionRef: string;
  readonly filedAt: string;
  readonly deliveredAt?: string;
  readonly datasetId?: string;
  readonly recordCount?: number;
  readonly retentionDeadline?: string;
  readonly purgedAt?: string;
  readonly declinedAt?: string;
  readonly notice?: 'pending' | 'sent';
  readonly alerts: readonly AlertRecord[];
}

export const requestSummary = (state: RequestState): RequestSummary | undefined => {
  if (state.status === 'unknown') return undefined;
  const { requestId, kind, operatorId, agentId, decisionRef, filedAt } = state.filing;
  const delivery = state.status === 'delivered' || state.status === 'purged' ? state.delivery : undefined;
  return {
    requestId,
    kind,
    status: state.status,
    operatorId,
    agentId,
    decisionRef,
    filedAt,
    ...(delivery && {
      deliveredAt: delivery.deliveredAt,
      datasetId: delivery.datasetId,
      recordCount: delivery.recordCount,
      retentionDeadline: delivery.retentionDeadline,
    }),
    ...(state.status === 'purged' && { purgedAt: state.purgedAt }),
    ...(state.status === 'declined' && { declinedAt: state.declinedAt }),
    ...(state.notice && { notice: state.notice }),
    alerts: state.alerts,
  };
};
