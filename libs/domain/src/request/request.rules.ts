import { assertAgentInStanding } from '../agent/agent-standing.rules';
import { AgentState, HabilitatedAgent } from '../agent/agent.state';
import { HabilitationListsState } from '../habilitation/habilitation.state';
import { IncidentState } from '../incident/incident.state';
import { DomainError } from '../kernel/domain-error';
import { hasDuplicates, validationFailed } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { OperatorCategory } from '../operator/operator.events';
import { hasCategory, OperatorState } from '../operator/operator.state';
import { KnownRequest, RequestState } from './request.state';
import {
  DATA_CATEGORIES,
  DataCategory,
  DataPeriod,
  IDENTIFICATION_FIELDS,
  IDENTIFIER_TYPES,
  IdentificationField,
  LegalBasis,
  RequestKind,
  SYSTEM_STATUSES,
  SystemStatus,
  TechnicalIdentifier,
} from './request.types';

type NotifiedIncident = Extract<IncidentState, { readonly status: 'notified' }>;
type RegisteredOperator = Extract<OperatorState, { readonly status: 'registered' }>;

/** Workflow: a request id names one request; a retried filing is recognised. */
export const assertRequestIsNew = (state: RequestState): void => {
  if (state.status !== 'unknown') throw new DomainError('REQUEST_EXISTS', 'request already filed');
};

/** Every command after filing needs the request to exist (404 for the API). */
export function assertRequestKnown(state: RequestState): asserts state is KnownRequest {
  if (state.status === 'unknown') throw new DomainError('NOT_FOUND', 'request not found');
}

/** Paragraph 1 governs identification, paragraph 2 technical data. */
export const legalBasisOf = (kind: RequestKind): LegalBasis =>
  kind === 'subscriber-identification' ? 'L2321-3 al. 1' : 'L2321-3 al. 2';

/**
 * L2321-3 al. 1: agents "habilités par le Premier ministre … et dont la liste est transmise
 * à l'ARCEP" — habilitated at filing time AND on the latest list transmitted to ARCEP.
 */
export function assertAgentMayFile(
  agent: AgentState,
  lists: HabilitationListsState,
  agentId: string,
  filedAt: string,
): asserts agent is HabilitatedAgent {
  assertAgentInStanding(agent, lists, agentId, filedAt, 'file a request');
}

export function assertOperatorFound(operator: OperatorState): asserts operator is RegisteredOperator {
  if (operator.status !== 'registered') throw new DomainError('OPERATOR_NOT_FOUND', 'operator is not registered');
}

const categoryNotAllowed = (message: string): DomainError => new DomainError('OPERATOR_CATEGORY_NOT_ALLOWED', message);

/**
 * L2321-3 al. 1: identification data come from electronic-communications operators (L34-1
 * II bis CPCE) or hosting providers (6 I 2 LCEN). The role addressed decides compensation
 * 1° or 2° (al. 3): the one asked if the operator holds it, else e-c first, else hosting.
 */
export const identificationAddresseeRole = (operator: OperatorState, asked?: OperatorCategory): OperatorCategory => {
  if (asked !== undefined) {
    if (!hasCategory(operator, asked)) throw categoryNotAllowed(`operator is not registered as ${asked}`);
    return asked;
  }
  if (hasCategory(operator, 'electronic-communications')) return 'electronic-communications';
  if (hasCategory(operator, 'hosting')) return 'hosting';
  throw categoryNotAllowed('operator is neither an electronic-communications operator nor a hosting provider');
};

/** L2321-3 al. 2: technical data only "des opérateurs de communications électroniques". */
export const technicalDataAddresseeRole = (operator: OperatorState, asked?: OperatorCategory): OperatorCategory => {
  const askedOther = asked !== undefined && asked !== 'electronic-communications';
  if (!hasCategory(operator, 'electronic-communications') || askedOther) {
    throw categoryNotAllowed('technical data may only be obtained from electronic-communications operators');
  }
  return 'electronic-communications';
};

/** L2321-3 al. 1: identity, postal address and e-mail address — nothing else, at least one. */
export const assertIdentificationFields = (fields: readonly IdentificationField[]): void => {
  if (!Array.isArray(fields) || fields.length === 0 || hasDuplicates(fields)) {
    throw validationFailed('fields must list at least one field, each once');
  }
  if (fields.some((f) => !IDENTIFICATION_FIELDS.includes(f))) {
    throw validationFailed(`only ${IDENTIFICATION_FIELDS.join(', ')} may be requested (L2321-3 al. 1)`);
  }
};

/** L2321-3 al. 1: the holders' systems are "vulnérables, menacés ou attaqués". */
export const assertSystemStatus = (status: SystemStatus): void => {
  if (!SYSTEM_STATUSES.includes(status)) throw validationFailed(`systemStatus must be among ${SYSTEM_STATUSES.join(', ')}`);
};

/** The identifiers name what was seen (IP, domain, URL), and were seen before the request. */
export const assertIdentifiers = (identifiers: readonly TechnicalIdentifier[], filedAt: string): void => {
  if (!Array.isArray(identifiers) || identifiers.length === 0) throw validationFailed('identifiers must not be empty');
  for (const id of identifiers) {
    if (!IDENTIFIER_TYPES.includes(id.type)) throw validationFailed(`identifier type must be among ${IDENTIFIER_TYPES.join(', ')}`);
    if (instantMs(id.observedAt, 'identifiers.observedAt') > instantMs(filedAt, 'filedAt')) {
      throw new DomainError('PERIOD_INVALID', 'an identifier cannot be observed after the request is filed');
    }
  }
};

/** R10-15 CPCE: the request names the categories it needs, among those that exist. */
export const assertDataCategories = (categories: readonly DataCategory[]): void => {
  if (!Array.isArray(categories) || categories.length === 0 || hasDuplicates(categories)) {
    throw validationFailed('dataCategories must list at least one category, each once');
  }
  if (categories.some((c) => !DATA_CATEGORIES.includes(c))) {
    throw validationFailed(`dataCategories must be among ${DATA_CATEGORIES.join(', ')} (R10-15 CPCE)`);
  }
};

/** L2321-3 al. 2: technical data follow an event ANSSI was informed of under L33-14 CPCE. */
export function assertIncidentKnown(incident: IncidentState | undefined): asserts incident is NotifiedIncident {
  if (incident?.status !== 'notified') throw new DomainError('INCIDENT_NOT_FOUND', 'incident not notified');
}

/**
 * L2321-3 al. 2: only the data "strictement nécessaires à l'analyse de cet événement" — a
 * bounded period, in the past: from < to ≤ filedAt.
 */
export const assertDataPeriod = (period: DataPeriod, filedAt: string): void => {
  const from = instantMs(period.from, 'period.from');
  const to = instantMs(period.to, 'period.to');
  if (!(from < to) || to > instantMs(filedAt, 'filedAt')) {
    throw new DomainError('PERIOD_INVALID', 'period must satisfy from < to ≤ filedAt');
  }
};
