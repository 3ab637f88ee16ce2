import { claimDecider, claimStream } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import type { CommandMeta } from '../kernel/command-meta';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';
import { claimAnswer, type ClaimAnswer } from './get-claim';

export interface PayCompensationInput {
  readonly paidCents: number;
  readonly paymentRef: string;
}

/** A payment on an assessed claim, possibly one of several; their sum never exceeds the approved amount. */
export async function payCompensation(
  deps: WorkflowDeps,
  meta: CommandMeta,
  claimId: string,
  input: PayCompensationInput,
): Promise<Outcome<ClaimAnswer>> {
  const { state, position } = await handleCommand(
    deps.store,
    claimStream(claimId),
    claimDecider,
    { type: 'PayCompensation', data: { ...input, paidAt: meta.occurredAt, by: meta.actor.id } },
    () => undefined,
    meta,
  );
  return { ...claimAnswer(state), position };
}
