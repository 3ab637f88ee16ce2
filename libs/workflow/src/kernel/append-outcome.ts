import { DomainError } from '@vigie/domain';
import {
  AppendTooLargeError,
  DuplicateEventError,
  StoreBusyError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '@vigie/event-store';

/**
 * True only for failures that prove the append did not happen: a refusal of the domain,
 * of the expected version, of the size, of a deleted stream, of reused ids, or a busy
 * SQLite log that rejected the whole batch. Anything else (a timeout, a broken
 * connection, an unknown error) may hide a committed append, so what the append needed
 * (a data key) must be kept.
 */
export const knownNotWritten = (error: unknown): boolean =>
  error instanceof DomainError ||
  error instanceof WrongExpectedVersionError ||
  error instanceof AppendTooLargeError ||
  error instanceof StreamDeletedError ||
  error instanceof DuplicateEventError ||
  error instanceof StoreBusyError;
