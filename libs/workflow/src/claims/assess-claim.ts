import { claimDecider, claimStream } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import type { CommandMeta } from '../kernel/command-meta';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';
import { claimAnswer, type ClaimAnswer } from './get-claim';

export interface AssessClaimInput {
  readonly approvedCents: number;
  readonly note: string;
}

/** ANSSI approves an amount, at most the claimed one, once (docs/design.md → Rules, L2321-3 al. 3). */
export async function assessClaim(
  deps: WorkflowDeps,
  meta: CommandMeta,
  claimId: string,
  input: AssessClaimInput,
): Promise<Outcome<ClaimAnswer>> {
  const { state, position } = await handleCommand(
    deps.store,
    claimStream(claimId),
    claimDecider,
    { type: 'AssessClaim', data: { ...input, assessedAt: meta.occurredAt, by: meta.actor.id } },
    () => undefined,
    meta,
  );
  return { ...claimAnswer(state), position };
}
