import { civilFromDays, daysFromCivil, formatCivilDate, isValidCivilDate, MS_PER_DAY } from './calendar';
import { DomainError } from './domain-error';

/**
 * Instants and dates travel as ISO 8601 strings (instants normalised to UTC with `Z`).
 * Parsing is strict and pure: an impossible instant is a validation failure, never NaN.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// The field travels with the refusal so the API's problem+json names it (errors[].field).
const invalid = (field: string, value: string, what: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `${field} is not ${what}: ${JSON.stringify(value)}`, field);

/** Milliseconds since 1970-01-01T00:00:00Z, or undefined when the text is not a real instant. */
export const parseInstant = (iso: string): number | undefined => {
  const m = INSTANT.exec(iso);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = Number(m[6] ?? '0');
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offsetMin = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (!isValidCivilDate({ year, month, day }) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (Math.abs(offsetMin) > 18 * 60) return undefined;
  const days = daysFromCivil({ year, month, day });
  return days * MS_PER_DAY + ((hour * 60 + minute - offsetMin) * 60 + second) * 1000 + millis;
};

export const instantMs = (iso: string, field = 'instant'): number => {
  const ms = parseInstant(iso);
  if (ms === undefined) throw invalid(field, iso, 'an ISO 8601 instant');
  return ms;
};

export const isIsoDate = (text: string): boolean => {
  const m = DATE.exec(text);
  return m !== null && isValidCivilDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
};

export const assertIsoDate = (text: string, field: string): void => {
  if (!isIsoDate(text)) throw invalid(field, text, 'an ISO 8601 date (YYYY-MM-DD)');
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, the shape of `Date.prototype.toISOString`. */
export const formatInstant = (ms: number): string => {
  const days = Math.floor(ms / MS_PER_DAY);
  const rest = ms - days * MS_PER_DAY;
  const time = `${pad(Math.floor(rest / 3_600_000))}:${pad(Math.floor(rest / 60_000) % 60)}:${pad(Math.floor(rest / 1000) % 60)}`;
  return `${formatCivilDate(civilFromDays(days))}T${time}.${pad(rest % 1000, 3)}Z`;
};

/** The UTC calendar date (YYYY-MM-DD) on which an instant falls. */
export const utcDateOf = (iso: string): string =>
  formatCivilDate(civilFromDays(Math.floor(instantMs(iso) / MS_PER_DAY)));

export const isBefore = (a: string, b: string): boolean => instantMs(a) < instantMs(b);
export const isAfter = (a: string, b: string): boolean => instantMs(a) > instantMs(b);
