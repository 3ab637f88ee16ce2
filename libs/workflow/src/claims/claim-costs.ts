import {
  assertClaimIsNew,
  claimDecider,
  claimStream,
  hasDuplicates,
  servedFacts,
  validationFailed,
  type ClaimState,
  type CompensationCategory,
  type CostClaimed,
  type ServedFacts,
} from '@vigie/domain';
import { handleCommand, loadStream } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';
import { releaseReservation, reserveForClaim, type Reservation } from './claim-reservations';
import { expectedCents, ZERO_TARIFFS } from './tariffs';

export interface ClaimCostsInput {
  readonly claimId?: string;
  readonly requestIds: readonly string[];
  readonly amountCents: number;
  readonly description: string;
}

export interface ClaimFiled {
  readonly claimId: string;
  readonly category: CompensationCategory;
  readonly expectedCents: number;
}

const answer = (claimed: CostClaimed): ClaimFiled => ({
  claimId: claimed.data.claimId,
  category: claimed.data.category,
  expectedCents: claimed.data.expectedCents,
});

/**
 * An operator claims its extra costs for requests it served (L2321-3 al. 3).
 *
 * "A request is claimed at most once across all claims" spans streams, so each request
 * is first reserved on its own stream (expected revision: two concurrent claims collide,
 * exactly one wins), in sorted order so that two claims never wait on each other in a
 * cycle. If a reservation or the claim itself is refused, the reservations this command
 * made are released and the refusal goes back to the caller.
 *
 * Crash window: a crash after some reservations and before `CostClaimed` leaves requests
 * held by a claim that does not exist. A retry with the same Idempotency-Key carries the
 * same commandId, hence the same claimId: its reservations are recognised (or are no-ops
 * for the same claimId in the decider) and the claim is appended, completing the command.
 */
export async function claimCosts(
  deps: WorkflowDeps,
  meta: CommandMeta,
  operatorId: string,
  input: ClaimCostsInput,
): Promise<Outcome<ClaimFiled>> {
  const claimId = input.claimId ?? uuidFromSeed(`${meta.commandId}:claimId`);
  if (input.requestIds.length === 0) throw validationFailed('requestIds must not be empty');
  if (hasDuplicates(input.requestIds)) throw validationFailed('requestIds must not repeat');
  const existing = await loadStream(deps.store, claimStream(claimId), claimDecider);
  const mine = existing.recorded.find((e) => e.metadata.commandId === meta.commandId && e.type === 'CostClaimed');
  if (mine) return { ...answer({ type: 'CostClaimed', data: mine.data as CostClaimed['data'] }), position: mine.position };
  // Another command already filed this claimId: refuse before holding any request.
  assertClaimIsNew(existing.state);
  const reservations: Reservation[] = [];
  try {
    for (const requestId of [...input.requestIds].sort()) {
      reservations.push(await reserveForClaim(deps.store, meta, claimId, operatorId, requestId));
    }
    const byId = new Map(reservations.map((r) => [r.requestId, servedFacts(r.state) as ServedFacts]));
    const requests = input.requestIds.map((id) => byId.get(id) as ServedFacts);
    const expected = expectedCents(deps.tariffs ?? ZERO_TARIFFS, operatorId, requests);
    const { events, position } = await handleCommand(
      deps.store,
      claimStream(claimId),
      claimDecider,
      { type: 'ClaimCosts', data: claimData(claimId, operatorId, input, requests, expected, meta) },
      () => undefined,
      meta,
    );
    return { ...answer(events[0] as CostClaimed), position };
  } catch (error) {
    await releaseOurs(deps, meta, claimId, reservations);
    throw error;
  }
}

const claimData = (
  claimId: string,
  operatorId: string,
  input: ClaimCostsInput,
  requests: readonly ServedFacts[],
  expected: number,
  meta: CommandMeta,
) => ({
  claimId,
  operatorId,
  requests,
  amountCents: input.amountCents,
  expectedCents: expected,
  description: input.description,
  claimedAt: meta.occurredAt,
});

/**
 * Releases what this command reserved, except the requests of a claim that now exists
 * under the same id (filed concurrently by another command): those reservations are its.
 */
async function releaseOurs(deps: WorkflowDeps, meta: CommandMeta, claimId: string, reservations: readonly Reservation[]): Promise<void> {
  const claim: ClaimState = (await loadStream(deps.store, claimStream(claimId), claimDecider)).state;
  const held = new Set(claim.status === 'unknown' ? [] : claim.requestIds);
  for (const r of [...reservations].reverse()) {
    if (r.ours && !held.has(r.requestId)) await releaseReservation(deps.store, meta, claimId, r);
  }
}
