import { daysInMonth, isLeapYear, isValidCivilDate } from './calendar';

describe('Gregorian leap years', () => {
  it.each([
    [2024, true],
    [2023, false],
    [1900, false],
    [2100, false],
    [2000, true],
    [2400, true],
  ])('%i is leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });
});

describe('isValidCivilDate', () => {
  it.each([
    { year: 2026, month: 1, day: 1 },
    { year: 2026, month: 12, day: 31 },
    { year: 2000, month: 2, day: 29 },
  ])('accepts %o', (date) => {
    expect(isValidCivilDate(date)).toBe(true);
  });

  it.each([
    { year: 2026.5, month: 1, day: 1 },
    { year: 2026, month: 0, day: 1 },
    { year: 2026, month: 13, day: 1 },
    { year: 2026, month: 1, day: 0 },
    { year: 2026, month: 4, day: 31 },
    { year: 1900, month: 2, day: 29 },
  ])('refuses %o', (date) => {
    expect(isValidCivilDate(date)).toBe(false);
  });
});
