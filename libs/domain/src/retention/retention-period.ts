import { civilFromDays, daysFromCivil, daysInMonth, MS_PER_DAY } from '../kernel/calendar';
import { DomainError } from '../kernel/domain-error';
import { formatInstant, instantMs } from '../kernel/instant';

/** A retention period in calendar units only: the law counts in years ("cinq ans"), not in seconds. */
export interface RetentionPeriod {
  readonly years: number;
  readonly months: number;
  readonly days: number;
}

const PERIOD = /^P(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,6})D)?$/;

/**
 * Parses `P2Y`, `P18M`, `P1Y6M`, `P30D`… Time parts, weeks, fractions, signs and a zero
 * period are refused with RETENTION_PERIOD_INVALID (configuration errors, caught at start-up).
 */
export const parseRetentionPeriod = (iso: string): RetentionPeriod => {
  const m = typeof iso === 'string' && iso !== 'P' ? PERIOD.exec(iso) : null;
  if (!m) {
    throw new DomainError(
      'RETENTION_PERIOD_INVALID',
      `retention period must be an ISO 8601 duration in years, months or days (e.g. P2Y): ${JSON.stringify(iso)}`,
    );
  }
  const period = { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), days: Number(m[3] ?? 0) };
  if (period.years + period.months + period.days === 0) {
    throw new DomainError('RETENTION_PERIOD_INVALID', 'retention period must not be zero');
  }
  return period;
};

export const formatRetentionPeriod = ({ years, months, days }: RetentionPeriod): string =>
  `P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}${days ? `${days}D` : ''}`;

/**
 * Calendar arithmetic in UTC: add years and months first, clamping the day to the end of the
 * target month (2024-02-29 + P1Y = 2025-02-28, 01-31 + P1M = 02-28/29), then add days.
 * The time of day is kept. Returns `YYYY-MM-DDTHH:mm:ss.sssZ`.
 */
export const addCalendarPeriod = (instantIso: string, period: RetentionPeriod): string => {
  const ms = instantMs(instantIso, 'instant');
  const dayNumber = Math.floor(ms / MS_PER_DAY);
  const timeOfDay = ms - dayNumber * MS_PER_DAY;
  const start = civilFromDays(dayNumber);
  const monthIndex = start.year * 12 + (start.month - 1) + period.years * 12 + period.months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(start.day, daysInMonth(year, month));
  const target = daysFromCivil({ year, month, day }) + period.days;
  return formatInstant(target * MS_PER_DAY + timeOfDay);
};
