import { OperatorCategory } from '../operator/operator.events';
import { AlertChannel, DataCategory, IdentificationField, RequestFiledData } from './request.types';

export interface Delivery {
  readonly datasetId: string;
  readonly keyId: string;
  readonly recordCount: number;
  readonly fieldNames?: readonly IdentificationField[];
  readonly categories?: readonly DataCategory[];
  readonly deliveredAt: string;
  readonly retentionDeadline: string;
}

export interface AlertRecord {
  readonly alertId: string;
  readonly recordIndex: number;
  readonly channel: AlertChannel;
  readonly sentAt: string;
}

export interface OversightNotice {
  readonly sentAt: string;
  readonly reference: string;
}

interface RequestBase {
  readonly filing: RequestFiledData;
  /** Technical data only (L36-14 CPCE via docs/design.md → Rules): ARCEP must be informed of the request. */
  readonly notice?: 'pending' | 'sent';
  readonly oversight?: OversightNotice;
  readonly alerts: readonly AlertRecord[];
  readonly accessCount: number;
  /** The claim that holds this request for compensation (one claim at most, L2321-3 al. 3). */
  readonly claimedBy?: string;
}

export type FiledRequest = RequestBase & { readonly status: 'filed' };
export type DeclinedRequest = RequestBase & {
  readonly status: 'declined';
  readonly declinedAt: string;
  readonly declineReason: string;
};
export type DeliveredRequest = RequestBase & { readonly status: 'delivered'; readonly delivery: Delivery };
export type PurgedRequest = RequestBase & {
  readonly status: 'purged';
  readonly delivery: Delivery;
  readonly purgedAt: string;
  readonly purgeReason: string;
  readonly overdue: boolean;
};

export type KnownRequest = FiledRequest | DeclinedRequest | DeliveredRequest | PurgedRequest;
export type RequestState = { readonly status: 'unknown' } | KnownRequest;
export type RequestStatus = KnownRequest['status'];

export interface ServedFacts {
  readonly requestId: string;
  readonly operatorId: string;
  readonly addresseeRole: OperatorCategory;
  readonly kind: RequestFiledData['kind'];
  /** Answered: delivered (even if purged since) or declined. */
  readonly served: boolean;
  readonly recordCount: number;
}
