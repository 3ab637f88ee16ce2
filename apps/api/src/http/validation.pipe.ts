import { ValidationError, ValidationPipe, type ArgumentMetadata, type Type } from '@nestjs/common';
import { precheckAgainstDto } from './dto-precheck';
import { problem, ProblemException, type FieldError } from './problem';

const flatten = (errors: readonly ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((e) => {
    const field = prefix === '' ? e.property : /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });

const invalid = (errors: readonly FieldError[]): ProblemException =>
  new ProblemException(problem(400, 'VALIDATION_FAILED', 'The request is not valid.', errors));

/** Refuses what scales with the body (unknown keys, oversized arrays) before the costly validation runs. */
class VigieValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && typeof metadata.metatype === 'function') {
      const early = precheckAgainstDto(metadata.metatype, value);
      if (early.length > 0) throw invalid(early);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields, wrong enums, malformed ids and dates: 400 VALIDATION_FAILED with per-field errors. */
export const vigieValidationPipe = (): ValidationPipe =>
  new VigieValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });

/** The pipe is stateless once built; building it loads class-validator and class-transformer again. */
let shared: ValidationPipe | undefined;

/** Validates a body against a DTO chosen at run time (e.g. by a `kind` discriminator), with the same rules. */
export const validateAs = async <T extends object>(dto: Type<T>, body: unknown): Promise<T> =>
  (await (shared ??= vigieValidationPipe()).transform(body, { type: 'body', metatype: dto })) as T;
