import { claimDecider, claimStream, claimView, DomainError, type ClaimState, type ClaimView } from '@vigie/domain';
import { loadStream } from '../kernel/command-handler';
import type { WorkflowDeps } from '../kernel/workflow-deps';

/** The claim as docs/api.md shows it, plus the gap to the tariff so an assessor sees it at a glance. */
export type ClaimAnswer = ClaimView & { readonly differenceCents: number };

export const claimAnswer = (state: ClaimState): ClaimAnswer => {
  const view = claimView(state);
  if (!view) throw new DomainError('NOT_FOUND', 'claim not found');
  return { ...view, differenceCents: view.claimedCents - view.expectedCents };
};

/** Folds `claim-<id>`: the stream is the truth, read-your-writes with no projection lag. */
export async function getClaim(deps: WorkflowDeps, claimId: string): Promise<ClaimAnswer> {
  return claimAnswer((await loadStream(deps.store, claimStream(claimId), claimDecider)).state);
}
