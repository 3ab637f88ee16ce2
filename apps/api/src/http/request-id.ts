import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a caller may send as an id: short and printable, so it is safe in a header and a log line. */
const USABLE = /^[\w.:-]{1,200}$/;

const usable = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && USABLE.test(value) ? value : undefined;

/**
 * The id of one HTTP request: the caller's `X-Request-Id` (or, as before it,
 * `X-Correlation-Id`) when usable, else a new UUID. It is echoed in the answer, written
 * in the request's log line, and becomes the `correlationId` of every event the request
 * appends, so one id ties a client's trace, our log and the event log together.
 */
export const requestIdOf = (request: IncomingMessage): string =>
  usable(request.headers['x-request-id']) ?? usable(request.headers['x-correlation-id']) ?? randomUUID();
