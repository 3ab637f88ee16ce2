import { ParseUUIDPipe } from '@nestjs/common';
import { problem, ProblemException } from './problem';

/** A malformed id in a path is a validation failure, like in a body. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({
    version: undefined,
    exceptionFactory: () =>
      new ProblemException(problem(400, 'VALIDATION_FAILED', `${name} must be a UUID.`, [{ field: name, message: `${name} must be a UUID` }])),
  });
