import { OperatorCategory } from '../operator/operator.events';

export type RequestKind = 'subscriber-identification' | 'technical-data';
export type LegalBasis = 'L2321-3 al. 1' | 'L2321-3 al. 2';

/** L2321-3 al. 1: systems "vulnérables, menacés ou attaqués". */
export const SYSTEM_STATUSES = ['vulnerable', 'threatened', 'attacked'] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

export const IDENTIFIER_TYPES = ['ipv4', 'ipv6', 'domain', 'url'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export interface TechnicalIdentifier {
  readonly type: IdentifierType;
  readonly value: string;
  readonly port?: number;
  readonly observedAt: string;
}

/** L2321-3 al. 1: "l'identité, l'adresse postale et l'adresse électronique" — nothing else. */
export const IDENTIFICATION_FIELDS = ['identity', 'postalAddress', 'emailAddress'] as const;
export type IdentificationField = (typeof IDENTIFICATION_FIELDS)[number];

/** R10-15 CPCE: the categories of technical data an electronic-communications operator holds. */
export const DATA_CATEGORIES = ['origin', 'routing', 'terminal', 'traffic', 'access', 'marker-alert'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface DataPeriod {
  readonly from: string;
  readonly to: string;
}

interface RequestFiledCommon {
  readonly requestId: string;
  readonly operatorId: string;
  /** The role in which the operator is addressed: decides compensation 1° or 2° (L2321-3 al. 3). */
  readonly addresseeRole: OperatorCategory;
  readonly agentId: string;
  /** The agent's habilitation decision in force when filing (warrant card). */
  readonly decisionRef: string;
  readonly justification: string;
  readonly filedAt: string;
}

export interface IdentificationRequestFiledData extends RequestFiledCommon {
  readonly kind: 'subscriber-identification';
  readonly legalBasis: 'L2321-3 al. 1';
  readonly systemStatus: SystemStatus;
  readonly identifiers: readonly TechnicalIdentifier[];
  readonly fields: readonly IdentificationField[];
}

export interface TechnicalRequestFiledData extends RequestFiledCommon {
  readonly kind: 'technical-data';
  readonly legalBasis: 'L2321-3 al. 2';
  readonly incidentId: string;
  readonly dataCategories: readonly DataCategory[];
  readonly dataDescription: string;
  readonly period: DataPeriod;
}

export type RequestFiledData = IdentificationRequestFiledData | TechnicalRequestFiledData;

/** The encrypted dataset as the vault sealed it; copied as is, never opened by the domain. */
export interface SealedDataset {
  readonly datasetId: string;
  readonly keyId: string;
  readonly ciphertext: string;
  readonly iv?: string;
  readonly authTag?: string;
  readonly [extra: string]: unknown;
}

export type AccessPurpose = 'alert-holder' | 'characterize-threat';
export type AlertChannel = 'email' | 'postal';
