import { DomainCommand } from '../kernel/command';
import { PrincipalRole } from './principal.events';

export type EnrolPrincipal = DomainCommand<
  'EnrolPrincipal',
  {
    readonly principalId: string;
    readonly role: PrincipalRole;
    readonly agentId?: string;
    readonly operatorId?: string;
    readonly label: string;
    readonly keySha256: string;
    readonly enrolledAt: string;
  }
>;

export type RotatePrincipalKey = DomainCommand<'RotatePrincipalKey', { readonly principalId: string; readonly keySha256: string; readonly rotatedAt: string }>;

export type RevokePrincipal = DomainCommand<'RevokePrincipal', { readonly principalId: string; readonly reason: string; readonly revokedAt: string }>;

export type PrincipalCommand = EnrolPrincipal | RotatePrincipalKey | RevokePrincipal;

export type RecordAdminRevocation = DomainCommand<'RecordAdminRevocation', { readonly principalId: string; readonly recordedAt: string }>;

/**
 * Facts from outside the principal's stream, read from the log by the handler: the ids
 * of the bootstrap file, whether the named agent and operator exist.
 */
export interface PrincipalContext {
  readonly fileIds: ReadonlySet<string>;
  readonly agentKnown: boolean;
  readonly operatorKnown: boolean;
}

/** The admins that can act apart from the roster's revocations: bootstrap ones and enrolled ones. */
export interface AdminRosterContext {
  readonly fileAdminIds: readonly string[];
  readonly enrolledAdminIds: readonly string[];
}
