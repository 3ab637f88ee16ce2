import { refusal, refusalCode } from '../kernel/decider-spec';
import {
  assertNoCommunicationContent,
  assertRetentionDeadline,
  carriesCommunicationContent,
  identificationRecordFields,
  isEmailAddress,
  technicalRecordCategory,
} from './request-delivery.rules';

describe('isEmailAddress (one @, a local part, a dotted domain, no blank)', () => {
  it.each(['jd@example.org', 'a@b.c', 'first.last@mail.example.org', 'first.@example.org'])('accepts %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each([
    ['no local part', '@example.org'],
    ['two @', 'a@b@example.org'],
    ['a blank', 'j d@example.org'],
    ['an undotted domain', 'jd@localhost'],
    ['a dot only in the local part', 'first.last@localhost'],
    ['a domain starting with a dot', 'jd@.example.org'],
    ['a domain ending with a dot', 'jd@example.org.'],
    ['two dots in a row', 'jd@example..org'],
    ['no @', 'jd.example.org'],
  ])('refuses %s', (_case, address) => {
    expect(isEmailAddress(address)).toBe(false);
  });
});

describe('communication content (L34-1 CPCE: always excluded)', () => {
  it('is found in any element of an array, and in any record', () => {
    expect(carriesCommunicationContent([{ bytes: 1 }, { nested: { Body: 'hello' } }])).toBe(true);
    expect(refusalCode(() => assertNoCommunicationContent([{ bytes: 1 }, { message: 'hi' }]))).toBe('CONTENT_EXCLUDED');
    expect(refusalCode(() => assertNoCommunicationContent([{ bytes: 1 }, { port: 443 }]))).toBeUndefined();
  });
});

describe('identification records name the field at fault', () => {
  const fields = ['identity', 'emailAddress'] as const;
  const ids = ['192.0.2.10'];

  it.each([
    ['records[3]', 'not an object', 3],
    ['records[2].identifier', { identity: 'Jean Dupont' }, 2],
    ['records[0].identity', { identifier: '192.0.2.10', identity: '' }, 0],
    ['records[1].emailAddress', { identifier: '192.0.2.10', emailAddress: 'jd at example.org' }, 1],
    ['records[4]', { identifier: '192.0.2.10' }, 4],
  ])('%s', (field, record, index) => {
    expect(refusal(() => identificationRecordFields(record, fields, ids, index))).toEqual({ code: 'VALIDATION_FAILED', field });
  });
});

describe('technical records', () => {
  it('refuses keys beside category and values', () => {
    expect(refusalCode(() => technicalRecordCategory({ category: 'traffic', values: {}, note: 'x' }, ['traffic']))).toBe('VALIDATION_FAILED');
    expect(technicalRecordCategory({ category: 'traffic', values: {} }, ['traffic'])).toBe('traffic');
  });
});

describe('assertRetentionDeadline names a malformed instant', () => {
  it.each([
    ['retentionDeadline', '2026-03-01T00:00:00.000Z', '2027-02-30T00:00:00.000Z'],
    ['deliveredAt', '2026-03-01', '2027-03-01T00:00:00.000Z'],
  ])('%s', (field, deliveredAt, deadline) => {
    expect(refusal(() => assertRetentionDeadline(deliveredAt, deadline))).toEqual({ code: 'VALIDATION_FAILED', field });
  });
});
