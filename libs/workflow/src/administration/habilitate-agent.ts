import { agentDecider, agentStream, DomainError } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

export interface HabilitateAgentInput {
  readonly agentId?: string;
  readonly fullName: string;
  readonly decisionRef: string;
  readonly habilitatedOn: string;
  readonly expiresOn?: string;
}

export async function habilitateAgent(
  deps: WorkflowDeps,
  meta: CommandMeta,
  input: HabilitateAgentInput,
): Promise<Outcome<{ agentId: string }>> {
  const agentId = input.agentId ?? uuidFromSeed(`${meta.commandId}:agentId`);
  const { position } = await handleCommand(
    deps.store,
    agentStream(agentId),
    agentDecider,
    { type: 'HabilitateAgent', data: { ...input, agentId, at: meta.occurredAt } },
    () => undefined,
    meta,
  );
  return { agentId, position };
}

export async function revokeHabilitation(
  deps: WorkflowDeps,
  meta: CommandMeta,
  agentId: string,
  reason: string,
): Promise<Outcome<{ agentId: string; revokedAt: string }>> {
  const { position } = await handleCommand(
    deps.store,
    agentStream(agentId),
    agentDecider,
    { type: 'RevokeHabilitation', data: { reason, revokedAt: meta.occurredAt } },
    (state) => {
      if (state.status === 'unknown') throw new DomainError('NOT_FOUND', `No agent ${agentId}.`);
      return undefined;
    },
    meta,
  );
  return { agentId, revokedAt: meta.occurredAt, position };
}
