import { DomainError, requestDecider, requestStream, type RequestState } from '@vigie/domain';
import { WrongExpectedVersionError, type EventStore } from '@vigie/event-store';
import { handleCommand } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';

/** One request held for a claim, as its own stream now stands. */
export interface Reservation {
  readonly requestId: string;
  readonly state: RequestState;
  /** Revision of the request stream just after the reservation. */
  readonly revision: bigint | undefined;
  /** True when this command made the reservation (now, or in an earlier attempt it retries). */
  readonly ours: boolean;
}

/** A command of its own, caused by the claim command: the handler must not mistake it for a retry. */
const derivedMeta = (meta: CommandMeta, purpose: string): CommandMeta => ({
  ...meta,
  commandId: uuidFromSeed(`${meta.commandId}:${purpose}`),
  causationId: meta.commandId,
});

/** A reservation is one small event: under contention, decide again rather than answer CONFLICT. */
const persistently = async <T>(attempt: () => Promise<T>, times = 3): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof WrongExpectedVersionError) || i >= times) throw e;
    }
  }
};

/**
 * L2321-3 al. 3 compensates a service once: the request stream records which claim holds
 * it, and the append with the stream's expected revision makes two concurrent claims
 * collide; the handler's retry then sees the winner and refuses REQUEST_ALREADY_CLAIMED.
 */
export async function reserveForClaim(
  store: EventStore,
  meta: CommandMeta,
  claimId: string,
  operatorId: string,
  requestId: string,
): Promise<Reservation> {
  const stream = requestStream(requestId);
  const command = { type: 'ReserveForClaim' as const, data: { claimId, operatorId, reservedAt: meta.occurredAt } };
  let handled = await persistently(() => handleCommand(store, stream, requestDecider, command, () => undefined, meta));
  if (handled.state.status !== 'unknown' && handled.state.claimedBy !== claimId) {
    // A retry recognised this command's reservation, but it was released since (the first
    // attempt failed after it): reserve again, under an id unique to that stream revision.
    const again = derivedMeta(meta, `reserve@${handled.revision}`);
    handled = await persistently(() => handleCommand(store, stream, requestDecider, command, () => undefined, again));
  }
  if (handled.state.status === 'unknown' || handled.state.claimedBy !== claimId) {
    throw new DomainError('REQUEST_ALREADY_CLAIMED', `request ${requestId} is already claimed by another claim`);
  }
  return { requestId, state: handled.state, revision: handled.revision, ours: handled.events.length > 0 };
}

/** Undoes a reservation this command made; the decider ignores it if another claim holds the request. */
export async function releaseReservation(store: EventStore, meta: CommandMeta, claimId: string, reservation: Reservation): Promise<void> {
  const release = derivedMeta(meta, `release:${reservation.requestId}@${reservation.revision}`);
  const command = { type: 'ReleaseClaim' as const, data: { claimId, releasedAt: meta.occurredAt } };
  await persistently(() => handleCommand(store, requestStream(reservation.requestId), requestDecider, command, () => undefined, release));
}
