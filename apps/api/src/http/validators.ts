import { isFQDN, isIP, isURL, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isInstant = (v: unknown): v is string => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));

export const isCalendarDate = (v: unknown): v is string => {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};

const simple = (name: string, message: string, test: (v: unknown, args: ValidationArguments) => boolean) =>
  (options?: ValidationOptions) =>
  (target: object, propertyName: string): void =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} ${message}`, ...options },
      validator: { validate: test },
    });

/** An ISO 8601 date-time with its offset (Z or ±hh:mm): times are UTC instants (docs/api.md). */
export const IsInstant = simple('isInstant', 'must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z', isInstant);

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsCalendarDate = simple('isCalendarDate', 'must be a date as YYYY-MM-DD', isCalendarDate);

/** The identifier's value must match its declared type (ipv4, ipv6, domain, url). */
export const IsIdentifierValue = simple('isIdentifierValue', 'does not match the identifier type', (v, args) => {
  if (typeof v !== 'string' || v.length > 2048) return false;
  switch ((args.object as { type?: unknown }).type) {
    case 'ipv4':
      return isIP(v, 4);
    case 'ipv6':
      return isIP(v, 6);
    case 'domain':
      return isFQDN(v, { require_tld: true, allow_underscores: true });
    case 'url':
      return isURL(v, { require_protocol: true, require_valid_protocol: true, protocols: ['http', 'https', 'ftp', 'ftps', 'ws', 'wss'] });
    default:
      return true; // the type's own @IsIn reports an unknown type
  }
});
