import { DomainEvent } from '../kernel/decider';
import {
  AccessPurpose,
  AlertChannel,
  DataCategory,
  IdentificationField,
  RequestFiledData,
  RequestKind,
  SealedDataset,
} from './request.types';

export type RequestFiled = DomainEvent<'RequestFiled', RequestFiledData>;

export type OversightNotified = DomainEvent<
  'OversightNotified',
  {
    readonly requestId: string;
    readonly incidentId: string;
    readonly dataCategories: readonly DataCategory[];
    readonly sentAt: string;
    readonly reference: string;
    readonly recordedAt: string;
  }
>;

export type DataDelivered = DomainEvent<
  'DataDelivered',
  {
    readonly requestId: string;
    readonly kind: RequestKind;
    readonly datasetId: string;
    readonly sealed: SealedDataset;
    readonly recordCount: number;
    /** Identification: the fields present in at least one record. */
    readonly fieldNames?: readonly IdentificationField[];
    /** Technical data: the categories present in at least one record. */
    readonly categories?: readonly DataCategory[];
    readonly deliveredAt: string;
    readonly retentionDeadline: string;
  }
>;

export type RequestDeclined = DomainEvent<
  'RequestDeclined',
  { readonly requestId: string; readonly operatorId: string; readonly reason: string; readonly declinedAt: string }
>;

export type DataAccessed = DomainEvent<
  'DataAccessed',
  {
    readonly requestId: string;
    readonly datasetId: string;
    readonly agentId: string;
    readonly purpose: AccessPurpose;
    readonly accessedAt: string;
  }
>;

/** Never the message nor the address: only a digest of the message. */
export type AlertSent = DomainEvent<
  'AlertSent',
  {
    readonly requestId: string;
    readonly alertId: string;
    readonly agentId: string;
    readonly recordIndex: number;
    readonly channel: AlertChannel;
    readonly messageSha256: string;
    readonly sentAt: string;
  }
>;

export type DataPurged = DomainEvent<
  'DataPurged',
  {
    readonly requestId: string;
    readonly datasetId: string;
    readonly keyId: string;
    readonly reason: string;
    readonly by: string;
    readonly purgedAt: string;
    readonly retentionDeadline: string;
    readonly overdue: boolean;
  }
>;

export type RequestClaimed = DomainEvent<
  'RequestClaimed',
  { readonly requestId: string; readonly claimId: string; readonly operatorId: string; readonly reservedAt: string }
>;

export type RequestClaimReleased = DomainEvent<
  'RequestClaimReleased',
  { readonly requestId: string; readonly claimId: string; readonly releasedAt: string }
>;

export type RequestEvent =
  | RequestFiled
  | OversightNotified
  | DataDelivered
  | RequestDeclined
  | DataAccessed
  | AlertSent
  | DataPurged
  | RequestClaimed
  | RequestClaimReleased;

export const REQUEST_EVENT_TYPES = [
  'RequestFiled',
  'OversightNotified',
  'DataDelivered',
  'RequestDeclined',
  'DataAccessed',
  'AlertSent',
  'DataPurged',
  'RequestClaimed',
  'RequestClaimReleased',
] as const satisfies readonly RequestEvent['type'][];
