import { fold } from '../kernel/decider';
import { requestDecider } from './request.decider';
import { AlertSent, DataAccessed, DataPurged, OversightNotified, RequestClaimed, RequestDeclined } from './request.events';
import { identificationDelivered, identificationFiled, technicalDelivered, technicalFiled } from './request.fixtures';
import { requestSummary, servedFacts } from './request.views';

const alertSent: AlertSent = {
  type: 'AlertSent',
  data: { requestId: 'rq-1', alertId: 'al-1', agentId: 'ag-1', recordIndex: 0, channel: 'email', messageSha256: 'f'.repeat(64), sentAt: '2026-03-13T00:00:00.000Z' },
};
const accessed: DataAccessed = {
  type: 'DataAccessed',
  data: { requestId: 'rq-1', datasetId: 'ds-1', agentId: 'ag-1', purpose: 'alert-holder', accessedAt: '2026-03-13T00:00:00.000Z' },
};
const purged: DataPurged = {
  type: 'DataPurged',
  data: {
    requestId: 'rq-1', datasetId: 'ds-1', keyId: 'key-1', reason: 'deadline', by: 'system',
    purgedAt: '2028-03-13T00:00:00.000Z', retentionDeadline: '2028-03-12T10:00:00.000Z', overdue: true,
  },
};
const declined: RequestDeclined = {
  type: 'RequestDeclined',
  data: { requestId: 'rq-1', operatorId: 'op-1', reason: 'no match', declinedAt: '2026-03-11T00:00:00.000Z' },
};
const claimed: RequestClaimed = {
  type: 'RequestClaimed',
  data: { requestId: 'rq-1', claimId: 'cl-1', operatorId: 'op-1', reservedAt: '2026-04-01T00:00:00.000Z' },
};
const noticed: OversightNotified = {
  type: 'OversightNotified',
  data: { requestId: 'rq-2', incidentId: 'inc-1', dataCategories: ['routing'], sentAt: '2026-03-10T11:00:00.000Z', reference: 'A-1', recordedAt: '2026-03-10T11:00:00.000Z' },
};

describe('request evolve: filed → delivered → purged, with alerts and reads', () => {
  it('starts unknown, then filed without notice for identification', () => {
    expect(requestDecider.initialState()).toEqual({ status: 'unknown' });
    const state = fold(requestDecider, [identificationFiled()]);
    expect(state).toMatchObject({ status: 'filed', alerts: [], accessCount: 0 });
    expect(state).not.toHaveProperty('notice');
  });

  it('opens a pending ARCEP notice for technical data, then marks it sent', () => {
    expect(fold(requestDecider, [technicalFiled()])).toMatchObject({ notice: 'pending' });
    expect(fold(requestDecider, [technicalFiled(), noticed])).toMatchObject({
      notice: 'sent',
      oversight: { sentAt: '2026-03-10T11:00:00.000Z', reference: 'A-1' },
    });
  });

  it('keeps the delivery (key id, count, fields) but not the ciphertext', () => {
    const state = fold(requestDecider, [identificationFiled(), identificationDelivered()]);
    expect(state).toMatchObject({
      status: 'delivered',
      delivery: { datasetId: 'ds-1', keyId: 'key-1', recordCount: 2, fieldNames: ['identity', 'emailAddress'] },
    });
    expect(JSON.stringify(state)).not.toContain('AAAA');
  });

  it('records alerts and reads, and keeps them after the purge', () => {
    const state = fold(requestDecider, [identificationFiled(), identificationDelivered(), accessed, alertSent, purged]);
    expect(state).toMatchObject({
      status: 'purged',
      purgedAt: '2028-03-13T00:00:00.000Z',
      overdue: true,
      accessCount: 1,
      alerts: [{ alertId: 'al-1', recordIndex: 0, channel: 'email', sentAt: '2026-03-13T00:00:00.000Z' }],
    });
  });

  it('moves filed → declined', () => {
    expect(fold(requestDecider, [identificationFiled(), declined])).toMatchObject({ status: 'declined', declineReason: 'no match' });
  });

  it('tracks the claim holding the request', () => {
    expect(fold(requestDecider, [identificationFiled(), declined, claimed])).toMatchObject({ claimedBy: 'cl-1' });
  });
});

describe('request views', () => {
  it('servedFacts: unknown, filed, delivered, purged, declined', () => {
    expect(servedFacts(requestDecider.initialState())).toBeUndefined();
    const facts = { requestId: 'rq-1', operatorId: 'op-1', addresseeRole: 'electronic-communications', kind: 'subscriber-identification' };
    expect(servedFacts(fold(requestDecider, [identificationFiled()]))).toEqual({ ...facts, served: false, recordCount: 0 });
    const delivered = [identificationFiled(), identificationDelivered()];
    expect(servedFacts(fold(requestDecider, delivered))).toEqual({ ...facts, served: true, recordCount: 2 });
    expect(servedFacts(fold(requestDecider, [...delivered, purged]))).toEqual({ ...facts, served: true, recordCount: 2 });
    expect(servedFacts(fold(requestDecider, [identificationFiled(), declined]))).toEqual({ ...facts, served: true, recordCount: 0 });
  });

  it('requestSummary gives the API view without delivered data', () => {
    expect(requestSummary(requestDecider.initialState())).toBeUndefined();
    const summary = requestSummary(fold(requestDecider, [technicalFiled(), technicalDelivered()]));
    expect(summary).toEqual({
      requestId: 'rq-2',
      kind: 'technical-data',
      status: 'delivered',
      operatorId: 'op-1',
      agentId: 'ag-1',
      decisionRef: 'PM-2026-001',
      filedAt: '2026-03-10T10:00:00.000Z',
      deliveredAt: '2026-03-12T10:00:00.000Z',
      datasetId: 'ds-1',
      recordCount: 1,
      retentionDeadline: '2031-03-12T10:00:00.000Z',
      notice: 'pending',
      alerts: [],
    });
  });
});

describe('requestSummary after purge and decline', () => {
  it('keeps the delivery facts and adds purgedAt once purged', () => {
    const summary = requestSummary(fold(requestDecider, [identificationFiled(), identificationDelivered(), purged]));
    expect(summary).toMatchObject({ status: 'purged', datasetId: 'ds-1', recordCount: 2, purgedAt: purged.data.purgedAt });
    expect(summary).not.toHaveProperty('declinedAt');
  });

  it('gives declinedAt, and no delivery facts, once declined', () => {
    const summary = requestSummary(fold(requestDecider, [identificationFiled(), declined]));
    expect(summary).toMatchObject({ status: 'declined', declinedAt: declined.data.declinedAt });
    expect(summary).not.toHaveProperty('purgedAt');
    expect(summary).not.toHaveProperty('datasetId');
  });
});

describe('delivery state', () => {
  it('keeps the technical categories delivered', () => {
    const state = fold(requestDecider, [technicalFiled(), technicalDelivered()]);
    expect(state).toMatchObject({ delivery: { categories: technicalDelivered().data.categories } });
  });
});
