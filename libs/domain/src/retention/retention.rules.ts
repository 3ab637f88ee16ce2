import { DomainError } from '../kernel/domain-error';
import { instantMs } from '../kernel/instant';
import { formatRetentionPeriod, RetentionPeriod } from './retention-period';

/** L2321-3 al. 2: technical data "ne peuvent être conservées plus de cinq ans". */
export const LEGAL_MAXIMUM_RETENTION: RetentionPeriod = { years: 5, months: 0, days: 0 };
const MAXIMUM_MONTHS = 60;

/** Days in the shortest run of k consecutive months (non-leap calendar: the worst case). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const shortestMonthsSpan = (k: number): number => {
  const whole = Math.floor(k / 12) * 365;
  const rest = k % 12;
  if (rest === 0) return whole;
  const windows = MONTH_DAYS.map((_, start) =>
    Array.from({ length: rest }, (_unused, i) => MONTH_DAYS[(start + i) % 12]).reduce((a, b) => a + b, 0),
  );
  return whole + Math.min(...windows);
};

/**
 * Whether, from some start date, the period would reach past five calendar years. A period
 * with days is measured against the shortest calendar span it could cover, so P1825D is
 * accepted and P1826D refused: no start date lets data outlive the legal maximum.
 */
export const exceedsLegalMaximum = ({ years, months, days }: RetentionPeriod): boolean => {
  const totalMonths = years * 12 + months;
  if (totalMonths > MAXIMUM_MONTHS) return true;
  return days > shortestMonthsSpan(MAXIMUM_MONTHS - totalMonths);
};

/**
 * L2321-3 al. 2 caps technical data at five years; docs/design.md → Rules applies the same cap to
 * identification data as a policy. Throws RETENTION_EXCEEDED.
 */
export const assertRetentionWithinLegalMaximum = (period: RetentionPeriod): void => {
  if (exceedsLegalMaximum(period)) {
    throw new DomainError(
      'RETENTION_EXCEEDED',
      `retention ${formatRetentionPeriod(period)} exceeds the legal maximum of five years (L2321-3 al. 2)`,
    );
  }
};

/** docs/design.md → Rules: a purge (or a check) after the deadline is overdue; at the deadline itself it is on time. */
export const isOverdue = (deadline: string, at: string): boolean =>
  instantMs(at, 'at') > instantMs(deadline, 'deadline');
