import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export class ProblemDto {
  @ApiProperty() type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiProperty({ description: 'Stable error code' }) code!: string;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED: the body, query or a header is not valid (per-field `errors`)',
  401: 'UNAUTHENTICATED: missing or unknown API key',
  403: 'FORBIDDEN: this role (or this operator) may not do this',
  404: 'NOT_FOUND: unknown id',
  409: 'CONFLICT, IDEMPOTENCY_KEY_REUSED, or an id that already exists',
  410: 'DATA_PURGED: the delivered data was destroyed',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'A rule of the law or of the workflow refused',
};

/** Documents the problem+json answers of an endpoint; `codes` lists its 422 refusal codes. */
export const ApiProblems = (statuses: readonly number[], codes: readonly string[] = []) =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ...[...new Set([400, 401, 403, 413, ...statuses])].map((status) =>
      ApiResponse({
        status,
        description: status === 422 && codes.length > 0 ? `Refused: ${codes.join(', ')}` : DESCRIPTIONS[status],
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
