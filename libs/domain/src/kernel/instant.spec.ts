import { civilFromDays, daysFromCivil } from './calendar';
import { refusal, refusalCode } from './decider-spec';
import { assertIsoDate, formatInstant, instantMs, isAfter, isBefore, isIsoDate, parseInstant, utcDateOf } from './instant';

describe('calendar day numbers', () => {
  it('round-trips every day from 1900 to 2200, each the date Date gives', () => {
    const from = daysFromCivil({ year: 1900, month: 1, day: 1 });
    const to = daysFromCivil({ year: 2200, month: 12, day: 31 });
    // One assertion over the 110,000 days, not one each: an expect() per day made this the
    // slowest spec of the suite (20 s), and every mutant reaching the calendar ran it.
    const wrong: number[] = [];
    for (let d = from; d <= to; d += 1) {
      const civil = civilFromDays(d);
      const date = new Date(d * 86_400_000);
      const same = civil.year === date.getUTCFullYear() && civil.month === date.getUTCMonth() + 1 && civil.day === date.getUTCDate();
      if (!same || daysFromCivil(civil) !== d) wrong.push(d);
    }
    expect(wrong).toEqual([]);
    expect(daysFromCivil({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(civilFromDays(daysFromCivil({ year: 2024, month: 2, day: 29 }) + 1)).toEqual({ year: 2024, month: 3, day: 1 });
  });
});

describe('instants', () => {
  it.each([
    '2026-01-10T09:00:00.000Z',
    '2026-01-10T09:00:00Z',
    '2024-02-29T23:59:59.999Z',
    '2026-06-01T02:00:00+02:00',
    '2026-06-01T02:00-03:30',
    '1999-12-31T23:59:59.123456Z',
  ])('parses %s like Date.parse', (iso) => {
    expect(parseInstant(iso)).toBe(Date.parse(iso));
  });

  it.each(['2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01', '2026-01-01T10:00:00', 'now'])(
    'rejects %s',
    (iso) => {
      expect(parseInstant(iso)).toBeUndefined();
      expect(refusalCode(() => instantMs(iso))).toBe('VALIDATION_FAILED');
    },
  );

  it('formats like toISOString', () => {
    expect(formatInstant(Date.parse('2026-06-01T02:03:04.005+02:00'))).toBe('2026-06-01T00:03:04.005Z');
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('gives the UTC date of an instant', () => {
    expect(utcDateOf('2026-01-01T00:30:00+01:00')).toBe('2025-12-31');
  });

  it('checks calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-2-1')).toBe(false);
  });
});

describe('instant edges', () => {
  it('reads a short fraction as tenths and hundredths of a second', () => {
    expect(parseInstant('2026-01-01T00:00:00.5Z')).toBe(Date.parse('2026-01-01T00:00:00.500Z'));
    expect(parseInstant('2026-01-01T00:00:00.05Z')).toBe(Date.parse('2026-01-01T00:00:00.050Z'));
  });

  it('accepts offsets up to ±18:00 and the last minute and second of an hour', () => {
    expect(parseInstant('2026-01-01T18:00:00+18:00')).toBe(Date.parse('2026-01-01T00:00:00.000Z'));
    expect(parseInstant('2026-01-01T00:00:00-18:00')).toBe(Date.parse('2026-01-01T18:00:00.000Z'));
    expect(parseInstant('2026-01-01T10:59:59Z')).toBe(Date.parse('2026-01-01T10:59:59.000Z'));
  });

  it.each(['2026-01-01T10:60:00Z', '2026-01-01T10:00:60Z', '2026-01-01T00:00:00+18:01', '2026-01-01T00:00:00-19:00'])('rejects %s', (iso) => {
    expect(parseInstant(iso)).toBeUndefined();
  });

  it('names the field at fault, "instant" when the caller names none', () => {
    expect(refusal(() => instantMs('nope', 'sentAt'))).toEqual({ code: 'VALIDATION_FAILED', field: 'sentAt' });
    expect(refusal(() => instantMs('nope'))).toEqual({ code: 'VALIDATION_FAILED', field: 'instant' });
    expect(refusal(() => assertIsoDate('2026-02-29', 'expiresOn'))).toEqual({ code: 'VALIDATION_FAILED', field: 'expiresOn' });
  });

  it('orders instants strictly, whatever their offset notation', () => {
    const a = '2026-01-01T10:00:00.000Z';
    const sameAsA = '2026-01-01T11:00:00+01:00';
    const later = '2026-01-01T10:00:00.001Z';
    expect([isBefore(a, later), isBefore(later, a), isBefore(a, sameAsA)]).toEqual([true, false, false]);
    expect([isAfter(later, a), isAfter(a, later), isAfter(a, sameAsA)]).toEqual([true, false, false]);
  });
});
