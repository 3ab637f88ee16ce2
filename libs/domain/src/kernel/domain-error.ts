/**
 * A refusal by a rule of the law or of the workflow. `code` is stable: clients and
 * tests rely on it; the API maps it to an HTTP status in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** For a validation failure, the input field at fault (`records[3].emailAddress`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: string, message: string): never => {
  throw new DomainError(code, message);
};
