import { assertNever, Decider } from '../kernel/decider';
import { assertNonBlank } from '../kernel/guards';
import { IncidentCommand, IncidentContext, NotifyIncident } from './incident.commands';
import { IncidentEvent } from './incident.events';
import {
  assertIncidentIsNew,
  assertObservedBeforeNotified,
  assertProtectedEntity,
  assertReporterIsElectronicCommunicationsOperator,
} from './incident.rules';
import { IncidentState } from './incident.state';

export const initialIncidentState = (): IncidentState => ({ status: 'unknown' });

export const evolveIncident = (_state: IncidentState, event: IncidentEvent): IncidentState => {
  switch (event.type) {
    case 'IncidentNotified':
      return { status: 'notified', ...event.data };
    default:
      return assertNever(event.type);
  }
};

const notify = ({ data }: NotifyIncident, state: IncidentState, context: IncidentContext): IncidentEvent[] => {
  assertIncidentIsNew(state);
  assertReporterIsElectronicCommunicationsOperator(context.reporter);
  assertProtectedEntity(data.affectedEntity);
  assertNonBlank(data.affectedEntity.name, 'affectedEntity.name');
  assertNonBlank(data.summary, 'summary');
  assertObservedBeforeNotified(data.observedAt, data.notifiedAt);
  const { incidentId, reportedBy, affectedEntity, summary, observedAt, notifiedAt } = data;
  const entity = { name: affectedEntity.name, category: affectedEntity.category };
  return [
    { type: 'IncidentNotified', data: { incidentId, reportedBy, affectedEntity: entity, summary, observedAt, notifiedAt } },
  ];
};

export const decideIncident = (
  command: IncidentCommand,
  state: IncidentState,
  context: IncidentContext,
): IncidentEvent[] => {
  switch (command.type) {
    case 'NotifyIncident':
      return notify(command, state, context);
    default:
      return assertNever(command.type);
  }
};

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState, IncidentContext> = {
  initialState: initialIncidentState,
  evolve: evolveIncident,
  decide: decideIncident,
};
