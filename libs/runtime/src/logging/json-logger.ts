import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/vigie-config';

export type JsonLogger = Logger;

/**
 * Header names and fields that must never reach a log line, whoever logs them: keys
 * travel in `Authorization`, and bodies hold personal or technical data.
 */
const REDACTED = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'key',
  'apiKey',
  'masterKey',
  'body',
  'records',
  'data',
];

/**
 * One JSON object per line on stdout (or `destination`, for the tests): `time` as an ISO
 * instant, `level` as a word so that a reader needs no table, and the process's `service`.
 * Stdout is written asynchronously: lines logged while a write is in flight go out together
 * in the next one (a blocking write per request line was a tenth of the cost of a cheap
 * request), and pino writes what is left synchronously when the process exits.
 */
export function createJsonLogger(level: LogLevel, service: string, destination?: DestinationStream): JsonLogger {
  return pino(
    {
      level,
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** A logger that writes nothing: tests that do not look at logs. */
export const silentLogger = (): JsonLogger => pino({ level: 'silent' });
