import { DomainError } from './domain-error';

/** Shape checks the HTTP layer also makes; the domain repeats them so no caller can bypass them. */
export const validationFailed = (message: string, field?: string): DomainError => new DomainError('VALIDATION_FAILED', message, field);

export const assertNonBlank = (value: string, field: string): void => {
  if (typeof value !== 'string' || value.trim() === '') throw validationFailed(`${field} must not be blank`, field);
};

export const hasDuplicates = (values: readonly unknown[]): boolean => new Set(values).size !== values.length;

export const isIntegerInRange = (value: number, min: number, max: number): boolean =>
  Number.isSafeInteger(value) && value >= min && value <= max;

export const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
