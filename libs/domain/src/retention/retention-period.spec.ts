import { refusal, refusalCode } from '../kernel/decider-spec';
import { addCalendarPeriod, formatRetentionPeriod, parseRetentionPeriod } from './retention-period';

describe('parseRetentionPeriod', () => {
  it.each([
    ['P2Y', { years: 2, months: 0, days: 0 }],
    ['P18M', { years: 0, months: 18, days: 0 }],
    ['P1Y6M', { years: 1, months: 6, days: 0 }],
    ['P30D', { years: 0, months: 0, days: 30 }],
    ['P1Y2M3D', { years: 1, months: 2, days: 3 }],
  ])('parses %s', (iso, expected) => {
    expect(parseRetentionPeriod(iso)).toEqual(expected);
    expect(formatRetentionPeriod(expected)).toBe(iso);
  });

  it.each(['', 'P', 'P0Y', 'P0D', 'PT1H', 'P1YT2H', 'P2W', '-P1Y', 'P-1Y', 'P1.5Y', 'P1D1Y', '2Y', 'p2y', 'P2Y ', 'garbage'])(
    'refuses %j: RETENTION_PERIOD_INVALID',
    (iso) => {
      expect(refusalCode(() => parseRetentionPeriod(iso))).toBe('RETENTION_PERIOD_INVALID');
    },
  );
});

describe('addCalendarPeriod', () => {
  const p = parseRetentionPeriod;

  it.each([
    ['2026-03-15T10:20:30.000Z', 'P2Y', '2028-03-15T10:20:30.000Z'],
    ['2024-02-29T12:00:00.000Z', 'P1Y', '2025-02-28T12:00:00.000Z'],
    ['2024-02-29T12:00:00.000Z', 'P4Y', '2028-02-29T12:00:00.000Z'],
    ['2026-01-31T00:00:00.000Z', 'P1M', '2026-02-28T00:00:00.000Z'],
    ['2028-01-31T00:00:00.000Z', 'P1M', '2028-02-29T00:00:00.000Z'],
    ['2026-08-31T08:00:00.000Z', 'P18M', '2028-02-29T08:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', 'P1D', '2027-01-01T23:59:59.999Z'],
    ['2028-02-28T00:00:00.000Z', 'P1D', '2028-02-29T00:00:00.000Z'],
    ['2026-01-31T00:00:00.000Z', 'P1M1D', '2026-03-01T00:00:00.000Z'],
    ['2026-11-30T00:00:00.000Z', 'P3M', '2027-02-28T00:00:00.000Z'],
    ['2099-03-01T00:00:00.000Z', 'P1Y', '2100-03-01T00:00:00.000Z'],
    ['2096-02-29T00:00:00.000Z', 'P4Y', '2100-02-28T00:00:00.000Z'],
  ])('%s + %s = %s', (start, period, expected) => {
    expect(addCalendarPeriod(start, p(period))).toBe(expected);
  });

  it('normalises an offset to UTC before adding', () => {
    expect(addCalendarPeriod('2026-03-01T00:30:00+01:00', p('P1M'))).toBe('2026-03-28T23:30:00.000Z');
  });

  it('refuses a malformed instant: VALIDATION_FAILED', () => {
    expect(refusalCode(() => addCalendarPeriod('2026-02-30T00:00:00Z', p('P1Y')))).toBe('VALIDATION_FAILED');
  });
});

describe('retention period inputs that only look right', () => {
  it('refuses a non-string even when it prints as a period (configuration read as an array)', () => {
    expect(refusalCode(() => parseRetentionPeriod(['P2Y'] as unknown as string))).toBe('RETENTION_PERIOD_INVALID');
  });

  it('names the instant a period is added to when it is malformed', () => {
    expect(refusal(() => addCalendarPeriod('2026-02-30T00:00:00.000Z', { years: 1, months: 0, days: 0 }))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'instant',
    });
  });
});
