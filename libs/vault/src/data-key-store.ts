export type KeyStatus = 'active' | 'destroyed' | 'unknown';

/** A data key as the store holds it: wrapped by the master key, bound to its dataset. */
export interface WrappedDataKey {
  readonly datasetId: string;
  /** iv ‖ tag ‖ ciphertext of the data key under the master key; useless without it. */
  readonly wrappedKey: Buffer;
}

/** An active key as listed for reconciliation: never the wrapped bytes. */
export interface ActiveKeyInfo {
  readonly keyId: string;
  readonly datasetId: string;
  readonly createdAt: string;
}

export type DataKeyLookup =
  | ({ readonly status: 'active' } & WrappedDataKey)
  | { readonly status: 'destroyed' }
  | { readonly status: 'unknown' };

/**
 * Where the vault keeps its wrapped data keys, the tombstones of destroyed ones and the
 * master-key check value. Every process sharing the event log must share this store too:
 * a key sealed by one replica has to open on the others, and a purge on one has to be
 * final on all of them (Article L2321-3 al. 2: delivered data kept five years at most).
 * The store never sees a data key in clear nor the master key.
 */
export interface DataKeyStore {
  /** Stores a new key; key ids are random UUIDs, so a duplicate is a bug and throws. */
  put(keyId: string, key: WrappedDataKey & { readonly createdAt?: string }): Promise<void>;
  /** The wrapped key, or whether it was destroyed or never stored. */
  find(keyId: string): Promise<DataKeyLookup>;
  status(keyId: string): Promise<KeyStatus>;
  /**
   * Active keys created strictly before `instant` (ISO 8601), oldest first, at most
   * `limit`. Keys stored without a creation time are left out: their age is unknown, so
   * no reconciliation may judge them abandoned.
   */
  listActiveCreatedBefore(instant: string, limit: number): Promise<readonly ActiveKeyInfo[]>;
  /**
   * Final and idempotent: overwrites the wrapped key, deletes it and records a tombstone
   * in one transaction, so no reader ever sees the key gone without the tombstone.
   */
  destroy(keyId: string): Promise<void>;
  /**
   * Stores `candidate` as the check value unless one exists, and answers the stored one:
   * two processes creating the same vault together keep a single check value.
   */
  ensureCheckValue(candidate: Buffer): Promise<Buffer>;
  /**
   * Master-key rotation: replaces every active wrapped key by `rewrap(keyId, wrapped)`
   * and the check value by `recheck(stored)`, in one transaction. If either throws,
   * nothing changes; if the process dies half-way, the transaction is not committed.
   * So the store is always wholly under the old master key or wholly under the new one.
   */
  rewrapAll(rewrap: (keyId: string, wrappedKey: Buffer) => Buffer, recheck: (stored: Buffer) => Buffer): Promise<{ readonly rewrapped: number }>;
  close(): Promise<void>;
}
