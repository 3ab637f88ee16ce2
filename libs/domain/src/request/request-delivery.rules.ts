import { DomainError } from '../kernel/domain-error';
import { isPlainObject, validationFailed } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { addCalendarPeriod } from '../retention/retention-period';
import { LEGAL_MAXIMUM_RETENTION } from '../retention/retention.rules';
import { DATA_CATEGORIES, DataCategory, IDENTIFICATION_FIELDS, IdentificationField } from './request.types';

const CONTENT_KEYS = new Set(['content', 'body', 'payload', 'message']);

/**
 * L34-1 CPCE and R10-15 CPCE (docs/design.md → Rules): the content of communications is always excluded.
 * A key named content, body, payload or message, at any depth, betrays content.
 */
export const carriesCommunicationContent = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.some(carriesCommunicationContent);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([key, v]) => CONTENT_KEYS.has(key.toLowerCase()) || carriesCommunicationContent(v));
};

export const assertNoCommunicationContent = (records: readonly unknown[]): void => {
  if (records.some(carriesCommunicationContent)) {
    throw new DomainError('CONTENT_EXCLUDED', 'records must not carry the content of communications');
  }
};

export const assertRecordsPresent = (records: readonly unknown[]): void => {
  if (!Array.isArray(records) || records.length === 0) throw validationFailed('records must not be empty');
};

/** Each delivered identification value is a string of 1..1000 characters (a name, an address). */
export const MAX_IDENTIFICATION_VALUE_LENGTH = 1000;

/**
 * An e-mail address: one `@`, a local part and a dotted domain, no blank. Checked by
 * position rather than by a regular expression, so its cost is linear in the length.
 */
export const isEmailAddress = (value: string): boolean => {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@') || /\s/.test(value)) return false;
  const domain = value.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && !domain.endsWith('.') && !domain.includes('..');
};

const typedValue = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_IDENTIFICATION_VALUE_LENGTH) {
    throw validationFailed(`${field} must be a string of 1 to ${MAX_IDENTIFICATION_VALUE_LENGTH} characters`, field);
  }
  return value;
};

/**
 * L2321-3 al. 1: an identification record is `{ identifier, identity?, postalAddress?,
 * emailAddress? }` of strings, answers one of the request's identifiers, and carries at
 * least one of the fields the request asked for — only those. Returns the fields present.
 */
export const identificationRecordFields = (
  record: unknown,
  requested: readonly IdentificationField[],
  requestedIdentifiers: readonly string[],
  index = 0,
): IdentificationField[] => {
  const at = `records[${index}]`;
  if (!isPlainObject(record)) throw validationFailed(`${at} must be an object`, at);
  const identifier = typedValue(record.identifier, `${at}.identifier`);
  const present: IdentificationField[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'identifier') continue;
    const field = IDENTIFICATION_FIELDS.find((f) => f === key);
    if (field === undefined || !requested.includes(field)) {
      throw new DomainError('FIELD_NOT_REQUESTED', `field ${JSON.stringify(key.slice(0, 100))} was not requested (L2321-3 al. 1)`);
    }
    const text = typedValue(value, `${at}.${field}`);
    if (field === 'emailAddress' && !isEmailAddress(text)) throw validationFailed(`${at}.emailAddress must be an e-mail address`, `${at}.emailAddress`);
    present.push(field);
  }
  if (present.length === 0) throw validationFailed(`${at} must carry at least one requested field`, at);
  if (!requestedIdentifiers.includes(identifier)) {
    throw new DomainError('IDENTIFIER_NOT_REQUESTED', `${at}.identifier is not one of the identifiers the request named`);
  }
  return present;
};

/** R10-15 CPCE / L2321-3 al. 2: a technical record `{ category, values }` of a requested category. */
export const technicalRecordCategory = (record: unknown, requested: readonly DataCategory[]): DataCategory => {
  if (!isPlainObject(record) || !isPlainObject(record.values)) {
    throw validationFailed('each record must be an object { category, values: object }');
  }
  const extra = Object.keys(record).filter((k) => k !== 'category' && k !== 'values');
  if (extra.length > 0) throw validationFailed(`unexpected record keys: ${extra.join(', ')}`);
  const category = DATA_CATEGORIES.find((c) => c === record.category);
  if (category === undefined || !requested.includes(category)) {
    throw new DomainError('CATEGORY_NOT_REQUESTED', `category ${JSON.stringify(record.category)} was not requested`);
  }
  return category;
};

/** Keeps the canonical order of `all`, so equal sets give equal events. */
export const inCanonicalOrder = <T>(all: readonly T[], present: Iterable<T>): T[] => {
  const set = new Set(present);
  return all.filter((x) => set.has(x));
};

/**
 * The deadline is fixed at delivery, after it, and never beyond five years
 * (L2321-3 al. 2; docs/design.md → Rules applies the cap to identification data as well).
 */
export const assertRetentionDeadline = (deliveredAt: string, retentionDeadline: string): void => {
  const deadline = instantMs(retentionDeadline, 'retentionDeadline');
  if (deadline <= instantMs(deliveredAt, 'deliveredAt')) {
    throw new DomainError('PERIOD_INVALID', 'retentionDeadline must come after deliveredAt');
  }
  if (deadline > instantMs(addCalendarPeriod(deliveredAt, LEGAL_MAXIMUM_RETENTION))) {
    throw new DomainError('RETENTION_EXCEEDED', 'retention may not exceed five years (L2321-3 al. 2)');
  }
};
