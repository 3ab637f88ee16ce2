import { DomainError } from '../kernel/domain-error';
import { validationFailed } from '../kernel/guards';
import { PRINCIPAL_ROLES } from './principal.events';
import { EnrolPrincipal, PrincipalContext } from './principal.commands';
import { PrincipalState } from './principal.state';

/** A key is kept only as its sha256, never in clear. */
export const assertKeySha256 = (keySha256: string): void => {
  if (typeof keySha256 !== 'string' || !/^[0-9a-f]{64}$/.test(keySha256)) throw validationFailed('keySha256 must be 64 lowercase hexadecimal characters');
};

/** Workflow: one id, one principal, whether it comes from the bootstrap file or from the log. */
export const assertPrincipalIsNew = (state: PrincipalState, principalId: string, context: PrincipalContext): void => {
  if (state.status !== 'unknown' || context.fileIds.has(principalId)) {
    throw new DomainError('PRINCIPAL_EXISTS', `principal ${principalId} already exists`);
  }
};

/**
 * An agent principal acts as an agent of ANSSI (L2321-3 al. 1: individually designated and
 * habilitated), an operator principal as an addressee: both must name one the log knows.
 */
export const assertPrincipalIdentity = ({ data }: EnrolPrincipal, context: PrincipalContext): void => {
  if (!PRINCIPAL_ROLES.includes(data.role)) throw validationFailed(`role must be among ${PRINCIPAL_ROLES.join(', ')}`);
  if (data.role === 'agent') {
    if (typeof data.agentId !== 'string') throw validationFailed('an agent principal needs agentId');
    if (!context.agentKnown) throw new DomainError('AGENT_NOT_FOUND', `agent ${data.agentId} is not known`);
  } else if (data.agentId !== undefined) throw validationFailed('only an agent principal has an agentId');
  if (data.role === 'operator') {
    if (typeof data.operatorId !== 'string') throw validationFailed('an operator principal needs operatorId');
    if (!context.operatorKnown) throw new DomainError('OPERATOR_NOT_FOUND', `operator ${data.operatorId} is not registered`);
  } else if (data.operatorId !== undefined) throw validationFailed('only an operator principal has an operatorId');
};

/** The bootstrap file's principals change only with the file, never through the log. */
export const assertNotFromFile = (principalId: string, context: PrincipalContext): void => {
  if (context.fileIds.has(principalId)) {
    throw new DomainError('PRINCIPAL_FROM_FILE', `principal ${principalId} comes from the principals file: change the file`);
  }
};

export const assertPrincipalKnown = (state: PrincipalState): void => {
  if (state.status === 'unknown') throw new DomainError('NOT_FOUND', 'no such principal');
};

/** A revoked key stays revoked: no rotation brings it back, no second revocation. */
export const assertPrincipalActive = (state: PrincipalState): void => {
  if (state.status === 'revoked') throw new DomainError('PRINCIPAL_REVOKED', 'the principal is revoked');
};
