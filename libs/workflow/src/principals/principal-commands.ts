import {
  ADMIN_ROSTER_STREAM,
  adminRosterDecider,
  principalDecider,
  principalStream,
  type PrincipalContext,
  type PrincipalRole,
} from '@vigie/domain';
import { handleCommand, loadStream } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import { loadAgent, loadOperator } from '../kernel/load';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';
import { principalsFromLog } from './principal-log';

/** The bootstrap file's principals, as far as the rules need them. */
export interface FilePrincipal {
  readonly id: string;
  readonly role: PrincipalRole;
}

export interface EnrolPrincipalInput {
  readonly principalId?: string;
  readonly role: PrincipalRole;
  readonly agentId?: string;
  readonly operatorId?: string;
  readonly label: string;
  /** The sha256 of a key made by the caller: the key itself never reaches the log. */
  readonly keySha256: string;
}

const contextFor = (file: readonly FilePrincipal[], agentKnown = false, operatorKnown = false): PrincipalContext => ({
  fileIds: new Set(file.map((p) => p.id)),
  agentKnown,
  operatorKnown,
});

export async function enrolPrincipal(
  deps: WorkflowDeps,
  meta: CommandMeta,
  file: readonly FilePrincipal[],
  input: EnrolPrincipalInput,
): Promise<Outcome<{ principalId: string; role: PrincipalRole }>> {
  const principalId = input.principalId ?? uuidFromSeed(`${meta.commandId}:principalId`);
  const { agentId, operatorId } = input;
  const { position } = await handleCommand(
    deps.store,
    principalStream(principalId),
    principalDecider,
    {
      type: 'EnrolPrincipal',
      data: {
        principalId, role: input.role, label: input.label, keySha256: input.keySha256, enrolledAt: meta.occurredAt,
        ...(agentId !== undefined ? { agentId } : {}),
        ...(operatorId !== undefined ? { operatorId } : {}),
      },
    },
    async () =>
      contextFor(
        file,
        agentId !== undefined && (await loadAgent(deps, agentId)).status !== 'unknown',
        operatorId !== undefined && (await loadOperator(deps, operatorId)).status === 'registered',
      ),
    meta,
  );
  return { principalId, role: input.role, position };
}

export async function rotatePrincipalKey(
  deps: WorkflowDeps,
  meta: CommandMeta,
  file: readonly FilePrincipal[],
  input: { readonly principalId: string; readonly keySha256: string },
): Promise<Outcome<object>> {
  const { position } = await handleCommand(
    deps.store,
    principalStream(input.principalId),
    principalDecider,
    { type: 'RotatePrincipalKey', data: { principalId: input.principalId, keySha256: input.keySha256, rotatedAt: meta.occurredAt } },
    () => contextFor(file),
    meta,
  );
  return { position };
}

/**
 * An admin's revocation is first recorded on the roster (which refuses the last active
 * admin), then on the principal's own stream. Interrupted between the two, the admin
 * still acts but no longer counts: the rule errs on the side of keeping an admin.
 */
export async function revokePrincipal(
  deps: WorkflowDeps,
  meta: CommandMeta,
  file: readonly FilePrincipal[],
  input: { readonly principalId: string; readonly reason: string },
): Promise<Outcome<object>> {
  const context = contextFor(file);
  const stream = principalStream(input.principalId);
  const loaded = await loadStream(deps.store, stream, principalDecider);
  const revoke = { type: 'RevokePrincipal' as const, data: { principalId: input.principalId, reason: input.reason, revokedAt: meta.occurredAt } };
  const retried = loaded.recorded.some((e) => e.metadata.commandId === meta.commandId);
  if (loaded.state.status === 'active' && loaded.state.role === 'admin' && !retried) {
    // The principal's own refusals come first: the roster only decides what they let through.
    principalDecider.decide(revoke, loaded.state, context);
    const fileAdminIds = file.filter((p) => p.role === 'admin').map((p) => p.id);
    await handleCommand(
      deps.store,
      ADMIN_ROSTER_STREAM,
      adminRosterDecider,
      { type: 'RecordAdminRevocation', data: { principalId: input.principalId, recordedAt: meta.occurredAt } },
      async () => ({ fileAdminIds, enrolledAdminIds: (await principalsFromLog(deps.store)).enrolledAdminIds() }),
      meta,
    );
  }
  const { position } = await handleCommand(deps.store, stream, principalDecider, revoke, () => context, meta);
  return { position };
}
