import { DomainError } from '../kernel/domain-error';
import { validationFailed } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { hasCategory, OperatorState } from '../operator/operator.state';
import { AFFECTED_ENTITY_CATEGORIES, AffectedEntity } from './incident.events';
import { IncidentState } from './incident.state';

/** Workflow: an incident id names one notification. */
export const assertIncidentIsNew = (state: IncidentState): void => {
  if (state.status !== 'unknown') throw new DomainError('INCIDENT_EXISTS', 'incident already notified');
};

/**
 * L2321-3 al. 2 refers to L33-14 CPCE: it is electronic-communications operators that inform
 * ANSSI of the events they detect.
 */
export const assertReporterIsElectronicCommunicationsOperator = (reporter: OperatorState): void => {
  if (reporter.status !== 'registered') throw new DomainError('OPERATOR_NOT_FOUND', 'reporting operator is not registered');
  if (!hasCategory(reporter, 'electronic-communications')) {
    throw new DomainError(
      'OPERATOR_NOT_ELECTRONIC_COMMUNICATIONS',
      'only electronic-communications operators inform ANSSI under L33-14 CPCE',
    );
  }
};

/** L2321-3 al. 2: the event affects a public authority, an OIV, an OSE or a participating operator. */
export const assertProtectedEntity = (entity: AffectedEntity): void => {
  if (!AFFECTED_ENTITY_CATEGORIES.includes(entity?.category)) {
    throw validationFailed(`affectedEntity.category must be among ${AFFECTED_ENTITY_CATEGORIES.join(', ')}`);
  }
};

/** An event is observed before it is notified. */
export const assertObservedBeforeNotified = (observedAt: string, notifiedAt: string): void => {
  if (instantMs(observedAt, 'observedAt') > instantMs(notifiedAt, 'notifiedAt')) {
    throw new DomainError('PERIOD_INVALID', 'observedAt must not be after notifiedAt');
  }
};
