import { DomainCommand } from '../kernel/command';

export type HabilitateAgent = DomainCommand<
  'HabilitateAgent',
  {
    readonly agentId: string;
    readonly fullName: string;
    readonly decisionRef: string;
    readonly habilitatedOn: string;
    readonly expiresOn?: string;
    readonly at: string;
  }
>;

export type RevokeHabilitation = DomainCommand<
  'RevokeHabilitation',
  { readonly reason: string; readonly revokedAt: string }
>;

export type AgentCommand = HabilitateAgent | RevokeHabilitation;
