import { fold } from '../kernel/decider';
import { operatorWith } from '../request/request.fixtures';
import { given } from '../kernel/decider-spec';
import { NotifyIncident } from './incident.commands';
import { incidentDecider } from './incident.decider';
import { IncidentNotified } from './incident.events';

const telco = operatorWith('electronic-communications');
const host = operatorWith('hosting');
const data: NotifyIncident['data'] = {
  incidentId: 'inc-1',
  reportedBy: 'op-1',
  affectedEntity: { name: 'Hôpital Nord', category: 'essential-service-operator' },
  summary: 'C2 beaconing detected',
  observedAt: '2026-02-01T08:00:00.000Z',
  notifiedAt: '2026-02-01T09:00:00.000Z',
};
const notify = (over: Partial<NotifyIncident['data']> = {}): NotifyIncident => ({
  type: 'NotifyIncident',
  data: { ...data, ...over },
});
const notified: IncidentNotified = { type: 'IncidentNotified', data };

describe('incident decider', () => {
  it('records the notification of an electronic-communications operator (L33-14 CPCE)', () => {
    given(incidentDecider).when(notify(), { reporter: telco }).then([notified]);
  });

  it('accepts an observation at the very moment of notification', () => {
    const same = notify({ observedAt: data.notifiedAt });
    given(incidentDecider).when(same, { reporter: telco }).then([{ type: 'IncidentNotified', data: same.data }]);
  });

  it('refuses an unknown reporter: OPERATOR_NOT_FOUND', () => {
    given(incidentDecider).when(notify(), { reporter: { status: 'unknown' } }).thenRefuses('OPERATOR_NOT_FOUND');
  });

  it('refuses a hosting provider as reporter: OPERATOR_NOT_ELECTRONIC_COMMUNICATIONS', () => {
    given(incidentDecider).when(notify(), { reporter: host }).thenRefuses('OPERATOR_NOT_ELECTRONIC_COMMUNICATIONS');
  });

  it('refuses a second notification with the same id: INCIDENT_EXISTS', () => {
    given(incidentDecider, [notified]).when(notify(), { reporter: telco }).thenRefuses('INCIDENT_EXISTS');
  });

  it('refuses an observation after the notification: PERIOD_INVALID', () => {
    given(incidentDecider)
      .when(notify({ observedAt: '2026-02-01T09:00:00.001Z' }), { reporter: telco })
      .thenRefuses('PERIOD_INVALID');
  });

  it('refuses an entity outside the protected categories: VALIDATION_FAILED', () => {
    const bad = notify({ affectedEntity: { name: 'Shop', category: 'retailer' as 'public-authority' } });
    given(incidentDecider).when(bad, { reporter: telco }).thenRefuses('VALIDATION_FAILED');
  });

  it('evolves to a notified state', () => {
    expect(fold(incidentDecider, [notified])).toEqual({ status: 'notified', ...data });
  });
});

describe('incident refusals name the field at fault', () => {
  it.each([
    ['affectedEntity.name', notify({ affectedEntity: { name: ' ', category: 'essential-service-operator' } })],
    ['summary', notify({ summary: '' })],
    ['observedAt', notify({ observedAt: '2026-03-10' })],
    ['notifiedAt', notify({ notifiedAt: 'later' })],
  ])('NotifyIncident: %s', (field, command) => {
    given(incidentDecider).when(command, { reporter: telco }).thenRefuses('VALIDATION_FAILED', { field });
  });

  it('refuses a notification without an affected entity as invalid input, not as a crash', () => {
    const command = notify({ affectedEntity: undefined as unknown as NotifyIncident['data']['affectedEntity'] });
    given(incidentDecider).when(command, { reporter: telco }).thenRefuses('VALIDATION_FAILED');
  });
});
