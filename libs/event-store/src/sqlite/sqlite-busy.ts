import { StoreBusyError, StoreUnavailableError } from '../event-store.errors';

/**
 * SQLITE_BUSY (and its extended codes) means the busy timeout ran out while another
 * connection held the lock; SQLITE_LOCKED is the same conflict inside one process.
 */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** The error every append of a failed batch is rejected with. */
export function appendFailure(error: unknown): StoreUnavailableError {
  const message = error instanceof Error ? error.message : String(error);
  return isSqliteBusy(error) ? new StoreBusyError(message) : new StoreUnavailableError(`Append failed: ${message}`);
}
