import { formatInstant, instantMs } from '@vigie/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCalendarDate, isInstant } from '../http/validators';

/** A query bound: an ISO 8601 instant with its offset, or a calendar date meaning 00:00 UTC that day. */
export const IsInstantOrDate =
  (options?: ValidationOptions) =>
  (target: object, propertyName: string): void =>
    registerDecorator({
      name: 'isInstantOrDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 8601 date-time with a time zone or a date YYYY-MM-DD`, ...options },
      validator: { validate: (v: unknown) => isInstant(v) || isCalendarDate(v) },
    });

/** The normalised `YYYY-MM-DDTHH:mm:ss.sssZ` form the read models compare as text. */
export const normaliseInstant = (value: string): string =>
  formatInstant(instantMs(isCalendarDate(value) ? `${value}T00:00:00.000Z` : value));
