/** The shared database is unreachable or went away: the caller answers 503, never 500. */
export class SharedDatabaseUnavailableError extends Error {
  readonly code = 'UNAVAILABLE';

  constructor(cause: unknown) {
    super(`The shared database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SharedDatabaseUnavailableError';
  }
}

/** The database holds a schema written by a newer Vigie: running older code on it could corrupt it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly component: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(`the shared database holds ${component} schema version ${found}, newer than this Vigie knows (${known}): upgrade Vigie`);
    this.name = 'SchemaTooNewError';
  }
}

/** SQLSTATE classes of a lost or refused connection (08), an operator intervention (57P) or too many clients (53300). */
const UNAVAILABLE_STATES = /^(08|57P|53300)/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof SharedDatabaseUnavailableError) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || NETWORK_CODES.has(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

/** Rethrows a connection failure as SharedDatabaseUnavailableError, anything else as is. */
export function translatePgError(error: unknown): never {
  if (isUnavailable(error) && !(error instanceof SharedDatabaseUnavailableError)) throw new SharedDatabaseUnavailableError(error);
  throw error;
}
