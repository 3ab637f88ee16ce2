import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bodyShapeProblem, textShapeProblem } from './json-body.guard';
import { problem, ProblemException } from './problem';

const invalid = (message: string): ProblemException =>
  new ProblemException(problem(400, 'VALIDATION_FAILED', 'The request body is not valid.', [{ field: 'body', message }]));

/**
 * The only body parser: JSON objects. Everything hostile about a body (not an object,
 * too deep, prototype-named keys) is refused here, before authentication, transformation
 * and validation, for the price of one parse and one walk. Any other media type is
 * answered 415 by the router.
 */
export const useJsonObjectBodies = (fastify: FastifyInstance, bodyLimit: number): void => {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_req: FastifyRequest, text: string | Buffer, done) => {
    const raw = typeof text === 'string' ? text : text.toString('utf8');
    const start = raw.trimStart();
    if (start === '') return done(invalid('must be a JSON object (the body is empty)'), undefined);
    // Not even parsed: an array, a string or a number of any size is refused at its first character.
    if (!start.startsWith('{')) return done(invalid('must be a JSON object'), undefined);
    const early = textShapeProblem(raw);
    if (early) return done(new ProblemException(problem(400, 'VALIDATION_FAILED', 'The request body is not valid.', [early])), undefined);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return done(invalid('malformed JSON'), undefined);
    }
    const shape = bodyShapeProblem(body);
    if (shape) return done(new ProblemException(problem(400, 'VALIDATION_FAILED', 'The request body is not valid.', [shape])), undefined);
    return done(null, body);
  });
};
