import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@vigie/domain';
import { AppendTooLargeError, InvalidPositionError, StoreUnavailableError, WrongExpectedVersionError } from '@vigie/event-store';
import { KeyDestroyedError } from '@vigie/vault';
import type { FastifyReply } from 'fastify';
import { statusOfDomainCode } from './domain-error-status';
import { problem, ProblemException, type Problem } from './problem';

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Fastify's own errors (body parsing, limits) carry a code and a statusCode. */
interface FastifyLikeError {
  readonly code?: string;
  readonly statusCode?: number;
}

/**
 * The one place where errors become HTTP answers. No stack trace or internal message
 * ever reaches a caller: unknown errors are logged and answered with a generic 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(error);
    void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
  }

  toProblem(error: unknown): Problem {
    if (error instanceof ProblemException) return error.problem;
    if (error instanceof DomainError) {
      const errors = error.code === 'VALIDATION_FAILED' ? [{ field: error.field ?? '', message: error.message }] : undefined;
      return problem(statusOfDomainCode(error.code), error.code, error.message, errors);
    }
    // A destroyed data key is a purge (crypto-shredding), never an internal error.
    if (error instanceof KeyDestroyedError) return problem(410, 'DATA_PURGED', 'The delivered data was purged.');
    if (error instanceof WrongExpectedVersionError) {
      return problem(409, 'CONFLICT', 'The resource was changed concurrently; retry the command.');
    }
    if (error instanceof AppendTooLargeError) {
      return problem(413, 'PAYLOAD_TOO_LARGE', `Once sealed, the request is ${error.sizeBytes} bytes; the event store takes at most ${error.limitBytes} bytes per command.`);
    }
    if (error instanceof InvalidPositionError) {
      return problem(400, 'VALIDATION_FAILED', 'The position is not the position of an event of this log.', [{ field: 'from', message: 'not an event position' }]);
    }
    // Busy or unreachable; or the append's outcome is unknown: the same request (same
    // Idempotency-Key) finds what was stored, or stores it once.
    if (error instanceof StoreUnavailableError) {
      return problem(503, 'UNAVAILABLE', 'The event log is busy or unreachable; retry the request.');
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) return problem(404, 'NOT_FOUND', 'No such resource.');
      return problem(status, CODE_BY_STATUS[status] ?? 'ERROR', status < 500 ? error.message : 'Internal error.');
    }
    const fastify = error as FastifyLikeError;
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      return this.fromFastify(fastify.statusCode, fastify.code);
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return problem(500, 'INTERNAL_ERROR', 'An internal error occurred; it has been logged.');
  }

  private fromFastify(status: number, code: string | undefined): Problem {
    if (status === 413) return problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the limit.');
    if (status === 415) return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || status === 400) {
      return problem(400, 'VALIDATION_FAILED', 'The request body is not valid JSON.', [{ field: 'body', message: 'malformed JSON' }]);
    }
    return problem(status, CODE_BY_STATUS[status] ?? 'ERROR', 'The request was refused.');
  }
}
