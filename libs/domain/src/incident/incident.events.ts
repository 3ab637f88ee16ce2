import { DomainEvent } from '../kernel/decider';

/**
 * L2321-3 al. 2: the entities whose systems are protected — public authorities, operators of
 * vital importance (L1332-1, L1332-2), operators of essential services (art. 5 loi 2018-133),
 * and operators taking part in those entities' information systems.
 */
export const AFFECTED_ENTITY_CATEGORIES = [
  'public-authority',
  'vital-importance-operator',
  'essential-service-operator',
  'participating-operator',
] as const;
export type AffectedEntityCategory = (typeof AFFECTED_ENTITY_CATEGORIES)[number];

export interface AffectedEntity {
  readonly name: string;
  readonly category: AffectedEntityCategory;
}

export interface IncidentNotifiedData {
  readonly incidentId: string;
  /** The electronic-communications operator that informed ANSSI (L33-14 CPCE). */
  readonly reportedBy: string;
  readonly affectedEntity: AffectedEntity;
  readonly summary: string;
  readonly observedAt: string;
  readonly notifiedAt: string;
}

export type IncidentNotified = DomainEvent<'IncidentNotified', IncidentNotifiedData>;

export type IncidentEvent = IncidentNotified;

export const INCIDENT_EVENT_TYPES = ['IncidentNotified'] as const satisfies readonly IncidentEvent['type'][];
