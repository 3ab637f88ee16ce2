export interface StoredResponse {
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
}

/** How long a key is remembered: a restart (or another replica) must not forget a key within 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** What the holder of a key sees and may do while no other request with that key runs. */
export interface KeySlot {
  /** The answer remembered for this key (younger than the TTL), if any. */
  readonly stored: StoredResponse | undefined;
  /** Remembers the answer; it is durable once `withKey` returns or throws. */
  save(response: StoredResponse): Promise<void>;
}

/**
 * Durable memory of Idempotency-Key answers. `withKey` runs `fn` while holding the key
 * (principal, key) exclusively — across every process sharing the store — so a retry
 * arriving while the first request runs waits for its answer and replays it, instead of
 * executing the command a second time. Keys of different principals never meet.
 *
 * An abstract class rather than an interface so it also serves as the Nest injection token.
 */
export abstract class IdempotencyStore {
  abstract withKey<T>(principalId: string, key: string, nowMs: number, fn: (slot: KeySlot) => Promise<T>): Promise<T>;

  abstract close(): Promise<void>;
}
