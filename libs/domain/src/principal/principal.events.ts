import { DomainEvent } from '../kernel/decider';

/** Who may call the API; an `agent` acts as its agentId, an `operator` as its operatorId. */
export const PRINCIPAL_ROLES = ['admin', 'agent', 'operator', 'auditor'] as const;
export type PrincipalRole = (typeof PRINCIPAL_ROLES)[number];

/** Only the sha256 of a key is ever written: the key itself is shown once to the caller. */
export interface PrincipalEnrolledData {
  readonly principalId: string;
  readonly role: PrincipalRole;
  readonly agentId?: string;
  readonly operatorId?: string;
  readonly label: string;
  readonly keySha256: string;
  readonly enrolledAt: string;
}

export interface PrincipalKeyRotatedData {
  readonly principalId: string;
  readonly keySha256: string;
  readonly rotatedAt: string;
}

export interface PrincipalRevokedData {
  readonly principalId: string;
  readonly reason: string;
  readonly revokedAt: string;
}

/** In the singleton roster stream: serialises the revocations of admins (see admin-roster.decider). */
export interface AdminRevocationRecordedData {
  readonly principalId: string;
  readonly recordedAt: string;
}

export type PrincipalEnrolled = DomainEvent<'PrincipalEnrolled', PrincipalEnrolledData>;
export type PrincipalKeyRotated = DomainEvent<'PrincipalKeyRotated', PrincipalKeyRotatedData>;
export type PrincipalRevoked = DomainEvent<'PrincipalRevoked', PrincipalRevokedData>;
export type AdminRevocationRecorded = DomainEvent<'AdminRevocationRecorded', AdminRevocationRecordedData>;

export type PrincipalEvent = PrincipalEnrolled | PrincipalKeyRotated | PrincipalRevoked;
export type AdminRosterEvent = AdminRevocationRecorded;

export const PRINCIPAL_EVENT_TYPES = [
  'PrincipalEnrolled',
  'PrincipalKeyRotated',
  'PrincipalRevoked',
  'AdminRevocationRecorded',
] as const satisfies readonly (PrincipalEvent | AdminRosterEvent)['type'][];
