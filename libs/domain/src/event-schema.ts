import { AGENT_EVENT_TYPES, AgentEvent } from './agent/agent.events';
import { CLAIM_EVENT_TYPES, ClaimEvent } from './claim/claim.events';
import { HABILITATION_EVENT_TYPES, HabilitationEvent } from './habilitation/habilitation.events';
import { INCIDENT_EVENT_TYPES, IncidentEvent } from './incident/incident.events';
import { OPERATOR_EVENT_TYPES, OperatorEvent } from './operator/operator.events';
import { AdminRosterEvent, PRINCIPAL_EVENT_TYPES, PrincipalEvent } from './principal/principal.events';
import { REQUEST_EVENT_TYPES, RequestEvent } from './request/request.events';

/** Every event Vigie stores. Type names are frozen forever; a shape change bumps its version. */
export type VigieEvent = OperatorEvent | AgentEvent | HabilitationEvent | IncidentEvent | RequestEvent | ClaimEvent | PrincipalEvent | AdminRosterEvent;
export type VigieEventType = VigieEvent['type'];

export const VIGIE_EVENT_TYPES: readonly VigieEventType[] = [
  ...OPERATOR_EVENT_TYPES,
  ...AGENT_EVENT_TYPES,
  ...HABILITATION_EVENT_TYPES,
  ...INCIDENT_EVENT_TYPES,
  ...REQUEST_EVENT_TYPES,
  ...CLAIM_EVENT_TYPES,
  ...PRINCIPAL_EVENT_TYPES,
];

/** The schema version written in each event's metadata; an upcaster lifts older versions. */
export const EVENT_SCHEMA_VERSIONS: Readonly<Record<VigieEventType, number>> = {
  OperatorRegistered: 1,
  AgentHabilitated: 1,
  AgentHabilitationRevoked: 1,
  HabilitationListTransmitted: 1,
  IncidentNotified: 1,
  RequestFiled: 1,
  OversightNotified: 1,
  DataDelivered: 1,
  RequestDeclined: 1,
  DataAccessed: 1,
  AlertSent: 1,
  DataPurged: 1,
  RequestClaimed: 1,
  RequestClaimReleased: 1,
  CostClaimed: 1,
  CostClaimAssessed: 1,
  CompensationPaid: 1,
  PrincipalEnrolled: 1,
  PrincipalKeyRotated: 1,
  PrincipalRevoked: 1,
  AdminRevocationRecorded: 1,
};

export const isVigieEventType = (type: string): type is VigieEventType =>
  Object.prototype.hasOwnProperty.call(EVENT_SCHEMA_VERSIONS, type);
