/**
 * HTTP status of each domain refusal code (docs/api.md). A rule of the law or of the
 * workflow refused: 422, unless the contract says otherwise here.
 */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  OPERATOR_EXISTS: 409,
  AGENT_EXISTS: 409,
  INCIDENT_EXISTS: 409,
  REQUEST_EXISTS: 409,
  CLAIM_EXISTS: 409,
  PRINCIPAL_EXISTS: 409,
  PAYMENT_REF_REUSED: 409,
  CONFLICT: 409,
  DATA_PURGED: 410,
};

export const statusOfDomainCode = (code: string): number => STATUS_BY_CODE[code] ?? 422;
