import { InvalidArgumentError } from 'commander';
import { parseInstant } from '@vigie/domain';

const MAX_POSITION = 2n ** 63n - 1n;

/** A log position as typed on the command line: a decimal integer, never a lossy number. */
export function parsePosition(text: string): bigint {
  if (!/^\d{1,19}$/.test(text) || BigInt(text) > MAX_POSITION) {
    throw new InvalidArgumentError('expected a log position (a non-negative decimal integer).');
  }
  return BigInt(text);
}

/** An ISO 8601 instant with a time zone, e.g. 2026-03-02T09:00:00Z. */
export function parseAsOf(text: string): Date {
  const ms = parseInstant(text);
  if (ms === undefined) throw new InvalidArgumentError('expected an ISO 8601 time with a time zone, e.g. 2026-03-02T09:00:00Z.');
  return new Date(ms);
}
