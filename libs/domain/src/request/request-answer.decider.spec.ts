import { identificationRecordFields } from './request-delivery.rules';
import { given, refusal } from '../kernel/decider-spec';
import { assertNoticeTime } from './oversight-notice.rules';
import { DeclineRequest, DeliverData, RecordOversightNotice } from './request.commands';
import { requestDecider } from './request.decider';
import { OversightNotified, RequestDeclined } from './request.events';
import {
  DEADLINE,
  DELIVERED_AT,
  identificationDelivered,
  identificationFiled,
  sealed,
  technicalDelivered,
  technicalFiled,
} from './request.fixtures';

const deliver = (records: unknown[], over: Partial<DeliverData['data']> = {}): DeliverData => ({
  type: 'DeliverData',
  data: { operatorId: 'op-1', records, sealed, deliveredAt: DELIVERED_AT, retentionDeadline: DEADLINE, ...over },
});
const decline = (operatorId = 'op-1'): DeclineRequest => ({
  type: 'DeclineRequest',
  data: { operatorId, reason: 'no subscriber matches', declinedAt: DELIVERED_AT },
});
const declined: RequestDeclined = {
  type: 'RequestDeclined',
  data: { requestId: 'rq-1', operatorId: 'op-1', reason: 'no subscriber matches', declinedAt: DELIVERED_AT },
};
const notice: RecordOversightNotice = {
  type: 'RecordOversightNotice',
  data: { sentAt: '2026-03-10T11:00:00.000Z', reference: 'ARCEP-42', recordedAt: '2026-03-10T11:05:00.000Z' },
};
const noticed: OversightNotified = {
  type: 'OversightNotified',
  data: {
    requestId: 'rq-2',
    incidentId: 'inc-1',
    dataCategories: ['routing', 'traffic'],
    sentAt: '2026-03-10T11:00:00.000Z',
    reference: 'ARCEP-42',
    recordedAt: '2026-03-10T11:05:00.000Z',
  },
};
const person = { identifier: '192.0.2.10', identity: 'Jean Dupont', emailAddress: 'jd@example.org' };
const traffic = { category: 'traffic', values: { bytes: 1200, at: '2026-03-01T10:00:00Z' } };

describe('RecordOversightNotice (L36-14 CPCE: ARCEP informed of technical requests)', () => {
  it('records the notice of a technical request', () => {
    given(requestDecider, [technicalFiled()]).when(notice).then([noticed]);
  });

  it.each([
    ['at the opening', '2026-03-10T10:00:00.000Z', '2026-03-10T11:05:00.000Z'],
    ['five minutes ahead of the recording clock', '2026-03-10T11:10:00.000Z', '2026-03-10T11:05:00.000Z'],
  ])('accepts a sending time %s', (_label, sentAt, recordedAt) => {
    const at = { ...notice, data: { ...notice.data, sentAt, recordedAt } };
    given(requestDecider, [technicalFiled()]).when(at).then([{ ...noticed, data: { ...noticed.data, sentAt, recordedAt } }]);
  });

  it.each([
    ['one millisecond before the notice was opened (the filing)', '2026-03-10T09:59:59.999Z'],
    ['14 minutes before the opening', '2026-03-10T09:46:00.000Z'],
    ['more than five minutes in the future', '2026-03-10T11:10:00.001Z'],
    ['in 2099', '2099-01-01T00:00:00.000Z'],
  ])('refuses a sending time %s (L36-14 CPCE): NOTICE_TIME_INVALID', (_label, sentAt) => {
    given(requestDecider, [technicalFiled()]).when({ ...notice, data: { ...notice.data, sentAt } }).thenRefuses('NOTICE_TIME_INVALID');
  });

  it('refuses a second notice: NOTICE_ALREADY_SENT', () => {
    given(requestDecider, [technicalFiled(), noticed]).when(notice).thenRefuses('NOTICE_ALREADY_SENT');
  });

  it('has no notice for identification or unknown requests: NOT_FOUND', () => {
    given(requestDecider, [identificationFiled()]).when(notice).thenRefuses('NOT_FOUND');
    given(requestDecider).when(notice).thenRefuses('NOT_FOUND');
  });
});

describe('DeliverData: identification', () => {
  it('records the sealed dataset, the count and the union of delivered fields, never the records', () => {
    given(requestDecider, [identificationFiled()])
      .when(deliver([person, { identifier: '192.0.2.11', identity: 'Marie Curie' }]))
      .then([identificationDelivered()]);
  });

  it('refuses a field not requested: FIELD_NOT_REQUESTED', () => {
    given(requestDecider, [identificationFiled()])
      .when(deliver([{ ...person, postalAddress: '1 rue de la Paix' }]))
      .thenRefuses('FIELD_NOT_REQUESTED');
  });

  it('refuses an unknown key: FIELD_NOT_REQUESTED', () => {
    given(requestDecider, [identificationFiled()]).when(deliver([{ ...person, phone: '0600' }])).thenRefuses('FIELD_NOT_REQUESTED');
  });

  it('checks content before fields: CONTENT_EXCLUDED', () => {
    given(requestDecider, [identificationFiled()])
      .when(deliver([{ ...person, phone: '0600', extra: { nested: [{ Message: 'hello' }] } }]))
      .thenRefuses('CONTENT_EXCLUDED');
  });

  it.each<[string, Record<string, unknown>]>([
    ['an emailAddress that is a number', { ...person, emailAddress: 12 }],
    ['an emailAddress that is true', { ...person, emailAddress: true }],
    ['an emailAddress that is null', { ...person, emailAddress: null }],
    ['an emailAddress that is an array', { ...person, emailAddress: new Array(3000).fill('a@b.fr') }],
    ['an emailAddress that is not an e-mail address', { ...person, emailAddress: 'jd at example.org' }],
    ['an emailAddress with two @', { ...person, emailAddress: 'a@b@example.org' }],
    ['an identity that is an object', { ...person, identity: { name: 'Jean' } }],
    ['an empty identity', { ...person, identity: '' }],
    ['an identity over 1000 characters', { ...person, identity: 'x'.repeat(1001) }],
    ['an identifier that is a number', { ...person, identifier: 1e400 }],
    ['an identifier that is null', { ...person, identifier: null }],
    ['a record with no field at all', { identifier: '192.0.2.10' }],
  ])('types every record (L2321-3 al. 1: identity, postal and e-mail addresses as text): %s → VALIDATION_FAILED', (_label, record) => {
    given(requestDecider, [identificationFiled()]).when(deliver([person, record])).thenRefuses('VALIDATION_FAILED');
  });

  it('accepts values of exactly 1000 characters', () => {
    const long = { identifier: '192.0.2.10', identity: 'x'.repeat(1000), emailAddress: `${'a'.repeat(988)}@example.org` };
    expect(identificationRecordFields(long, ['identity', 'emailAddress'], ['192.0.2.10'])).toEqual(['identity', 'emailAddress']);
  });

  it('refuses a record answering an identifier the request never named: IDENTIFIER_NOT_REQUESTED', () => {
    given(requestDecider, [identificationFiled()])
      .when(deliver([person, { ...person, identifier: '198.51.100.1' }]))
      .thenRefuses('IDENTIFIER_NOT_REQUESTED');
  });

  it('refuses a record without identifier: VALIDATION_FAILED', () => {
    given(requestDecider, [identificationFiled()]).when(deliver([{ identity: 'x' }])).thenRefuses('VALIDATION_FAILED');
    given(requestDecider, [identificationFiled()]).when(deliver([])).thenRefuses('VALIDATION_FAILED');
  });
});

describe('DeliverData: technical data', () => {
  it('records the categories delivered', () => {
    given(requestDecider, [technicalFiled()])
      .when(deliver([traffic], { retentionDeadline: '2031-03-12T10:00:00.000Z' }))
      .then([technicalDelivered()]);
  });

  it.each(['origin', 'content', 42])('refuses category %j: CATEGORY_NOT_REQUESTED', (category) => {
    given(requestDecider, [technicalFiled()]).when(deliver([{ ...traffic, category }])).thenRefuses('CATEGORY_NOT_REQUESTED');
  });

  it.each(['content', 'BODY', 'payload', 'message'])('refuses a %s key at any depth: CONTENT_EXCLUDED', (key) => {
    const record = { category: 'traffic', values: { packets: [{ headers: {}, [key]: 'GET /' }] } };
    given(requestDecider, [technicalFiled()]).when(deliver([record])).thenRefuses('CONTENT_EXCLUDED');
  });

  it('refuses a deadline beyond five years: RETENTION_EXCEEDED', () => {
    given(requestDecider, [technicalFiled()])
      .when(deliver([traffic], { retentionDeadline: '2031-03-12T10:00:00.001Z' }))
      .thenRefuses('RETENTION_EXCEEDED');
  });

  it('refuses a deadline not after delivery: PERIOD_INVALID', () => {
    given(requestDecider, [technicalFiled()])
      .when(deliver([traffic], { retentionDeadline: DELIVERED_AT }))
      .thenRefuses('PERIOD_INVALID');
  });
});

describe('DeliverData and DeclineRequest: who and when', () => {
  it('refuses another operator: FORBIDDEN', () => {
    given(requestDecider, [identificationFiled()]).when(deliver([person], { operatorId: 'op-2' })).thenRefuses('FORBIDDEN');
    given(requestDecider, [identificationFiled()]).when(decline('op-2')).thenRefuses('FORBIDDEN');
  });

  it('refuses an answered request: REQUEST_NOT_OPEN', () => {
    given(requestDecider, [identificationFiled(), identificationDelivered()]).when(deliver([person])).thenRefuses('REQUEST_NOT_OPEN');
    given(requestDecider, [identificationFiled(), identificationDelivered()]).when(decline()).thenRefuses('REQUEST_NOT_OPEN');
    given(requestDecider, [identificationFiled(), declined]).when(deliver([person])).thenRefuses('REQUEST_NOT_OPEN');
  });

  it('refuses an unknown request: NOT_FOUND', () => {
    given(requestDecider).when(deliver([person])).thenRefuses('NOT_FOUND');
    given(requestDecider).when(decline()).thenRefuses('NOT_FOUND');
  });

  it('records a decline', () => {
    given(requestDecider, [identificationFiled()])
      .when(decline())
      .then([declined]);
  });
});

describe('answer refusals name the field at fault', () => {
  it.each([
    ['reference', { ...notice, data: { ...notice.data, reference: ' ' } }],
    ['sentAt', { ...notice, data: { ...notice.data, sentAt: '2026-03-10' } }],
    ['recordedAt', { ...notice, data: { ...notice.data, recordedAt: 'now' } }],
  ])('RecordOversightNotice: %s', (field, command) => {
    given(requestDecider, [technicalFiled()]).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });

  it('assertNoticeTime: openedAt', () => {
    expect(refusal(() => assertNoticeTime('2026-03-10T11:00:00.000Z', 'x', '2026-03-10T11:00:00.000Z'))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'openedAt',
    });
  });

  it.each([
    ['reason', { ...decline(), data: { ...decline().data, reason: '' } }],
    ['declinedAt', { ...decline(), data: { ...decline().data, declinedAt: '2026-13-01T00:00:00.000Z' } }],
  ])('DeclineRequest: %s', (field, command) => {
    given(requestDecider, [identificationFiled()]).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });
});

describe('DeliverData: the sealed dataset must name its dataset and key', () => {
  it.each([
    ['missing', undefined],
    ['without keyId', { ...sealed, keyId: undefined }],
    ['without datasetId', { ...sealed, datasetId: undefined }],
  ])('refuses a sealed dataset %s: VALIDATION_FAILED', (_case, bad) => {
    const command = deliver([person], { sealed: bad as unknown as DeliverData['data']['sealed'] });
    given(requestDecider, [identificationFiled()]).when(command).thenRefuses('VALIDATION_FAILED');
  });
});
