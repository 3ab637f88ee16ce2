import { AgentState } from '../agent/agent.state';
import { HabilitationListsState } from '../habilitation/habilitation.state';
import { IncidentState } from '../incident/incident.state';
import { DomainCommand } from '../kernel/command';
import { OperatorCategory } from '../operator/operator.events';
import { OperatorState } from '../operator/operator.state';
import {
  AccessPurpose,
  AlertChannel,
  DataCategory,
  DataPeriod,
  IdentificationField,
  SealedDataset,
  SystemStatus,
  TechnicalIdentifier,
} from './request.types';

interface FilingCommon {
  readonly requestId: string;
  readonly operatorId: string;
  readonly agentId: string;
  readonly justification: string;
  readonly filedAt: string;
  readonly addresseeRole?: OperatorCategory;
}

export interface IdentificationFiling extends FilingCommon {
  readonly kind: 'subscriber-identification';
  readonly systemStatus: SystemStatus;
  readonly identifiers: readonly TechnicalIdentifier[];
  readonly fields: readonly IdentificationField[];
}

export interface TechnicalFiling extends FilingCommon {
  readonly kind: 'technical-data';
  readonly incidentId: string;
  readonly dataCategories: readonly DataCategory[];
  readonly dataDescription: string;
  readonly period: DataPeriod;
}

export type FileRequest = DomainCommand<'FileRequest', IdentificationFiling | TechnicalFiling>;

/** Facts from other streams that FileRequest needs, loaded by the caller. */
export interface FileRequestContext {
  readonly agent: AgentState;
  readonly latestList: HabilitationListsState;
  readonly operator: OperatorState;
  /** Technical data only: the state of `incident-<incidentId>`. */
  readonly incident?: IncidentState;
}

/** Only FileRequest reads other streams; every other command decides on the request alone. */
export type RequestContext = FileRequestContext | undefined;

export type RecordOversightNotice = DomainCommand<
  'RecordOversightNotice',
  { readonly sentAt: string; readonly reference: string; readonly recordedAt: string }
>;

export type DeliverData = DomainCommand<
  'DeliverData',
  {
    readonly operatorId: string;
    /** Plaintext records, only to check them; never copied into an event. */
    readonly records: readonly unknown[];
    readonly sealed: SealedDataset;
    readonly deliveredAt: string;
    readonly retentionDeadline: string;
  }
>;

export type DeclineRequest = DomainCommand<
  'DeclineRequest',
  { readonly operatorId: string; readonly reason: string; readonly declinedAt: string }
>;

export type AccessData = DomainCommand<
  'AccessData',
  { readonly agentId: string; readonly purpose: AccessPurpose; readonly accessedAt: string }
>;

export type SendAlert = DomainCommand<
  'SendAlert',
  {
    readonly alertId: string;
    readonly agentId: string;
    readonly recordIndex: number;
    readonly channel: AlertChannel;
    /** The fields present on that delivered record, found by the caller after decrypting. */
    readonly recipientFields: readonly string[];
    readonly messageSha256: string;
    readonly sentAt: string;
  }
>;

export type PurgeData = DomainCommand<
  'PurgeData',
  { readonly reason: string; readonly purgedAt: string; readonly by: string }
>;

export type ReserveForClaim = DomainCommand<
  'ReserveForClaim',
  { readonly claimId: string; readonly operatorId: string; readonly reservedAt: string }
>;

export type ReleaseClaim = DomainCommand<'ReleaseClaim', { readonly claimId: string; readonly releasedAt: string }>;

export type RequestCommand =
  | FileRequest
  | RecordOversightNotice
  | DeliverData
  | DeclineRequest
  | AccessData
  | SendAlert
  | PurgeData
  | ReserveForClaim
  | ReleaseClaim;
