import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem';

/**
 * What the router refuses before any route runs — a URL that does not decode, a path
 * parameter beyond the router's length — is a malformed path parameter: 400, as a
 * problem document that names neither the router nor its error codes.
 */
export const answerRouterError = (_error: Error, _request: FastifyRequest, reply: FastifyReply): void => {
  void reply
    .status(400)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(problem(400, 'VALIDATION_FAILED', 'The URL is malformed.', [{ field: 'url', message: 'malformed URL or path parameter' }]));
};
