/** application/problem+json (RFC 9457) with Vigie's stable `code`. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** At most this many field errors are listed; one more entry counts the rest. */
export const MAX_FIELD_ERRORS = 50;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Field names and messages may echo what a caller sent (an unknown key of any length):
 * clipped, and at most MAX_FIELD_ERRORS of them, no problem document exceeds 64 KiB.
 */
export const boundedErrors = (errors: readonly FieldError[]): FieldError[] => {
  const listed = errors.slice(0, MAX_FIELD_ERRORS).map((e) => ({ field: clip(e.field, 200), message: clip(e.message, 500) }));
  const rest = errors.length - listed.length;
  return rest > 0 ? [...listed, { field: '', message: `${rest} more errors` }] : listed;
};

export const problem = (status: number, code: string, detail: string, errors?: readonly FieldError[]): Problem => ({
  type: `https://vigie.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
  title: TITLES[status] ?? 'Error',
  status,
  code,
  detail: clip(detail, 2000),
  ...(errors && errors.length > 0 ? { errors: boundedErrors(errors) } : {}),
});

/** Thrown by the edge (validation, auth, idempotency) to answer a given problem. */
export class ProblemException extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemException';
  }
}

export const fail = (status: number, code: string, detail: string, errors?: readonly FieldError[]): never => {
  throw new ProblemException(problem(status, code, detail, errors));
};
