import { given } from '../kernel/decider-spec';
import { AccessData, PurgeData, SendAlert } from './request.commands';
import { requestDecider } from './request.decider';
import { AlertSent, DataPurged } from './request.events';
import { DEADLINE, identificationDelivered, identificationFiled, technicalDelivered, technicalFiled } from './request.fixtures';
import { AccessPurpose } from './request.types';

const access = (purpose: AccessPurpose): AccessData => ({
  type: 'AccessData',
  data: { agentId: 'ag-1', purpose, accessedAt: '2026-03-13T09:00:00.000Z' },
});
const alert = (over: Partial<SendAlert['data']> = {}): SendAlert => ({
  type: 'SendAlert',
  data: {
    alertId: 'al-1',
    agentId: 'ag-1',
    recordIndex: 1,
    channel: 'email',
    recipientFields: ['identity', 'emailAddress'],
    messageSha256: 'ab'.repeat(32),
    sentAt: '2026-03-13T10:00:00.000Z',
    ...over,
  },
});
const alertSent: AlertSent = {
  type: 'AlertSent',
  data: {
    requestId: 'rq-1',
    alertId: 'al-1',
    agentId: 'ag-1',
    recordIndex: 1,
    channel: 'email',
    messageSha256: 'ab'.repeat(32),
    sentAt: '2026-03-13T10:00:00.000Z',
  },
};
const purge = (purgedAt = '2026-06-01T00:00:00.000Z'): PurgeData => ({
  type: 'PurgeData',
  data: { reason: 'purpose fulfilled', purgedAt, by: 'ag-1' },
});
const purged = (purgedAt = '2026-06-01T00:00:00.000Z', overdue = false): DataPurged => ({
  type: 'DataPurged',
  data: {
    requestId: 'rq-1',
    datasetId: 'ds-1',
    keyId: 'key-1',
    reason: 'purpose fulfilled',
    by: 'ag-1',
    purgedAt,
    retentionDeadline: DEADLINE,
    overdue,
  },
});
const delivered = [identificationFiled(), identificationDelivered()];

describe('AccessData (purpose limitation, L2321-3 al. 1 and 2)', () => {
  it('records a read of identification data to alert the holder', () => {
    given(requestDecider, delivered)
      .when(access('alert-holder'))
      .then([
        {
          type: 'DataAccessed',
          data: { requestId: 'rq-1', datasetId: 'ds-1', agentId: 'ag-1', purpose: 'alert-holder', accessedAt: '2026-03-13T09:00:00.000Z' },
        },
      ]);
  });

  it('records a read of technical data to characterise the threat', () => {
    given(requestDecider, [technicalFiled(), technicalDelivered()])
      .when(access('characterize-threat'))
      .then([
        {
          type: 'DataAccessed',
          data: { requestId: 'rq-2', datasetId: 'ds-1', agentId: 'ag-1', purpose: 'characterize-threat', accessedAt: '2026-03-13T09:00:00.000Z' },
        },
      ]);
  });

  it('refuses a purpose the kind does not allow: PURPOSE_NOT_ALLOWED', () => {
    given(requestDecider, delivered).when(access('characterize-threat')).thenRefuses('PURPOSE_NOT_ALLOWED');
    given(requestDecider, [technicalFiled(), technicalDelivered()]).when(access('alert-holder')).thenRefuses('PURPOSE_NOT_ALLOWED');
  });

  it('checks purge, then delivery, then purpose: DATA_PURGED, NO_DATA', () => {
    given(requestDecider, [...delivered, purged()]).when(access('characterize-threat')).thenRefuses('DATA_PURGED');
    given(requestDecider, [identificationFiled()]).when(access('characterize-threat')).thenRefuses('NO_DATA');
    given(requestDecider).when(access('alert-holder')).thenRefuses('NOT_FOUND');
  });
});

describe('SendAlert (L2321-3 al. 1: alert the holders)', () => {
  it('records the alert without message nor address', () => {
    given(requestDecider, delivered).when(alert()).then([alertSent]);
  });

  it('ignores a retried alert with the same id', () => {
    given(requestDecider, [...delivered, alertSent]).when(alert()).then([]);
  });

  it('refuses a technical request: NOT_AN_IDENTIFICATION_REQUEST', () => {
    given(requestDecider, [technicalFiled(), technicalDelivered()]).when(alert()).thenRefuses('NOT_AN_IDENTIFICATION_REQUEST');
  });

  it('refuses purged data: DATA_PURGED, and no data: NO_DATA', () => {
    given(requestDecider, [...delivered, purged()]).when(alert()).thenRefuses('DATA_PURGED');
    given(requestDecider, [identificationFiled()]).when(alert()).thenRefuses('NO_DATA');
  });

  it.each([2, -1, 0.5])('refuses record index %p of 2 records: RECORD_NOT_FOUND', (recordIndex) => {
    given(requestDecider, delivered).when(alert({ recordIndex })).thenRefuses('RECORD_NOT_FOUND');
  });

  it('refuses a channel whose address was not delivered: CHANNEL_NOT_DELIVERED', () => {
    given(requestDecider, delivered).when(alert({ channel: 'postal' })).thenRefuses('CHANNEL_NOT_DELIVERED');
    given(requestDecider, delivered).when(alert({ recipientFields: ['identity'] })).thenRefuses('CHANNEL_NOT_DELIVERED');
  });

  it('sends a letter when a postal address was delivered', () => {
    given(requestDecider, delivered)
      .when(alert({ channel: 'postal', recipientFields: ['postalAddress'] }))
      .then([{ type: 'AlertSent', data: { ...alertSent.data, channel: 'postal' } }]);
  });
});

describe('PurgeData (crypto-shredding; overdue after the deadline)', () => {
  it('purges before the deadline: not overdue', () => {
    given(requestDecider, delivered).when(purge()).then([purged()]);
  });

  it('purges at the deadline: not overdue; after it: overdue', () => {
    given(requestDecider, delivered).when(purge(DEADLINE)).then([purged(DEADLINE, false)]);
    given(requestDecider, delivered).when(purge('2028-03-12T10:00:00.001Z')).then([purged('2028-03-12T10:00:00.001Z', true)]);
  });

  it('refuses a second purge: DATA_PURGED, and no data: NO_DATA', () => {
    given(requestDecider, [...delivered, purged()]).when(purge()).thenRefuses('DATA_PURGED');
    given(requestDecider, [identificationFiled()]).when(purge()).thenRefuses('NO_DATA');
  });
});

describe('data use refusals name the field at fault', () => {
  it('AccessData: accessedAt', () => {
    const command = { ...access('alert-holder'), data: { ...access('alert-holder').data, accessedAt: '2026-03-13' } };
    given(requestDecider, delivered).when(command).thenRefuses('VALIDATION_FAILED', { field: 'accessedAt' });
  });

  it('SendAlert: sentAt', () => {
    given(requestDecider, delivered).when(alert({ sentAt: 'now' })).thenRefuses('VALIDATION_FAILED', { field: 'sentAt' });
  });

  it.each([
    ['reason', { ...purge(), data: { ...purge().data, reason: ' ' } }],
    ['by', { ...purge(), data: { ...purge().data, by: '' } }],
  ])('PurgeData: %s', (field, command) => {
    given(requestDecider, delivered).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });
});

describe('SendAlert: only the same alert id is a retry', () => {
  it('records a second, different alert after a first one', () => {
    const second = alert({ alertId: 'al-2' });
    given(requestDecider, [...delivered, alertSent]).when(second).then([{ ...alertSent, data: { ...alertSent.data, alertId: 'al-2' } }]);
  });
});

describe('SendAlert: records are counted from 0', () => {
  it('alerts the holder of the first record', () => {
    given(requestDecider, delivered).when(alert({ recordIndex: 0 })).then([{ ...alertSent, data: { ...alertSent.data, recordIndex: 0 } }]);
  });
});
