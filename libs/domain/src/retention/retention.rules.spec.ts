import { refusal, refusalCode } from '../kernel/decider-spec';
import { parseRetentionPeriod } from './retention-period';
import { assertRetentionWithinLegalMaximum, exceedsLegalMaximum, isOverdue } from './retention.rules';

describe('assertRetentionWithinLegalMaximum (L2321-3 al. 2: five years at most)', () => {
  it.each(['P5Y', 'P60M', 'P4Y12M', 'P2Y', 'P1825D', 'P4Y11M28D', 'P59M28D'])('accepts %s', (iso) => {
    expect(refusalCode(() => assertRetentionWithinLegalMaximum(parseRetentionPeriod(iso)))).toBeUndefined();
  });

  it.each(['P6Y', 'P5Y1D', 'P61M', 'P5Y1M', 'P1826D', 'P59M29D', 'P4Y11M31D'])('refuses %s: RETENTION_EXCEEDED', (iso) => {
    expect(refusalCode(() => assertRetentionWithinLegalMaximum(parseRetentionPeriod(iso)))).toBe('RETENTION_EXCEEDED');
  });
});

describe('isOverdue', () => {
  const deadline = '2028-03-15T10:00:00.000Z';

  it('is on time up to and at the deadline', () => {
    expect(isOverdue(deadline, '2028-03-15T09:59:59.999Z')).toBe(false);
    expect(isOverdue(deadline, deadline)).toBe(false);
  });

  it('is overdue after the deadline, whatever the offset notation', () => {
    expect(isOverdue(deadline, '2028-03-15T10:00:00.001Z')).toBe(true);
    expect(isOverdue(deadline, '2028-03-15T11:00:01+01:00')).toBe(true);
  });
});

describe('five-year cap measured on the shortest months', () => {
  it('caps P4Y10M plus days at the 59 days of the shortest two months (Feb + Mar)', () => {
    expect(exceedsLegalMaximum({ years: 4, months: 10, days: 59 })).toBe(false);
    expect(exceedsLegalMaximum({ years: 4, months: 10, days: 60 })).toBe(true);
  });

  it('names the malformed instant of an overdue check', () => {
    expect(refusal(() => isOverdue('2026-01-01T00:00:00.000Z', 'now'))).toEqual({ code: 'VALIDATION_FAILED', field: 'at' });
    expect(refusal(() => isOverdue('never', '2026-01-01T00:00:00.000Z'))).toEqual({ code: 'VALIDATION_FAILED', field: 'deadline' });
  });
});
