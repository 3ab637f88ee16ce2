import { randomUUID } from 'node:crypto';
import { gcmDecrypt, gcmEncrypt, KEY_BYTES, packBox, randomKey, unpackBox } from './aes-gcm';
import type { ActiveKeyInfo, DataKeyStore, KeyStatus } from './data-key-store';
import { decodeSealed, SEALED_ALG, type SealedDataset } from './sealed-dataset';
import { KeyDestroyedError, KeyNotFoundError, MasterKeyError, MasterKeyMismatchError, VaultError, VaultIntegrityError } from './vault.errors';

export interface VaultOptions {
  /** Where the wrapped keys live: a SQLite file on one host, PostgreSQL when replicas share it. */
  readonly keys: DataKeyStore;
  readonly masterKey: Buffer;
  /** Stamps `created_at` on data keys; the lib never reads the system time itself. */
  readonly clock?: { now(): Date };
}

/** What the check value is bound to: a vault opens only with the master key that wrapped it. */
export const KEY_CHECK_AAD = Buffer.from('vigie-vault:key-check');

/**
 * Envelope encryption with one random data key per delivered dataset, wrapped by the
 * master key. Destroying the data key is the purge (crypto-shredding): the ciphertext
 * kept forever in the event log becomes unreadable, as Article L2321-3 limits how long
 * ANSSI may keep delivered data. The crypto lives here; the store only keeps wrapped keys.
 */
export class Vault {
  private closed = false;

  private constructor(
    private readonly keys: DataKeyStore,
    private readonly masterKey: Buffer,
    private readonly clock: { now(): Date } | undefined,
  ) {}

  /** Takes ownership of `keys`: it is closed if the master key is refused, and by `close`. */
  static async open({ keys, masterKey, clock }: VaultOptions): Promise<Vault> {
    try {
      if (!Buffer.isBuffer(masterKey) || masterKey.length !== KEY_BYTES) {
        throw new MasterKeyError(`The master key must be ${KEY_BYTES} bytes`);
      }
      await checkMasterKey(keys, masterKey);
    } catch (e) {
      await keys.close();
      throw e;
    }
    return new Vault(keys, Buffer.from(masterKey), clock);
  }

  async seal(datasetId: string, plaintext: Buffer | string): Promise<SealedDataset> {
    this.ensureOpen();
    if (typeof datasetId !== 'string' || datasetId === '') throw new VaultError('INVALID_ARGUMENT', 'datasetId must be a non-empty string');
    const keyId = randomUUID();
    const dataKey = randomKey();
    const clear = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    let box;
    let wrappedKey;
    try {
      box = gcmEncrypt(dataKey, clear, Buffer.from(datasetId, 'utf8'));
      wrappedKey = packBox(gcmEncrypt(this.masterKey, dataKey, Buffer.from(keyId, 'utf8')));
    } finally {
      dataKey.fill(0);
      if (clear !== plaintext) clear.fill(0);
    }
    await this.keys.put(keyId, { datasetId, wrappedKey, createdAt: this.clock?.now().toISOString() });
    return {
      datasetId,
      keyId,
      alg: SEALED_ALG,
      iv: box.iv.toString('base64'),
      ciphertext: box.ciphertext.toString('base64'),
      authTag: box.authTag.toString('base64'),
    };
  }

  async open(sealed: SealedDataset): Promise<Buffer> {
    this.ensureOpen();
    const box = decodeSealed(sealed);
    const found = await this.keys.find(sealed.keyId);
    if (found.status === 'destroyed') throw new KeyDestroyedError(sealed.keyId);
    if (found.status === 'unknown') throw new KeyNotFoundError(sealed.keyId);
    if (found.datasetId !== sealed.datasetId) {
      throw new VaultIntegrityError(`Data key ${sealed.keyId} does not belong to dataset ${sealed.datasetId}`);
    }
    const dataKey = gcmDecrypt(this.masterKey, unpackBox(found.wrappedKey), Buffer.from(sealed.keyId, 'utf8'));
    found.wrappedKey.fill(0);
    if (dataKey === null) throw new VaultIntegrityError(`Data key ${sealed.keyId} cannot be unwrapped`);
    try {
      const clear = gcmDecrypt(dataKey, box, Buffer.from(sealed.datasetId, 'utf8'));
      if (clear === null) throw new VaultIntegrityError(`Dataset ${sealed.datasetId} failed authentication`);
      return clear;
    } finally {
      dataKey.fill(0);
    }
  }

  /** Final and idempotent, for every process sharing the store; see each store for what it erases. */
  async destroy(keyId: string): Promise<void> {
    this.ensureOpen();
    if (typeof keyId !== 'string' || keyId === '') throw new VaultError('INVALID_ARGUMENT', 'keyId must be a non-empty string');
    await this.keys.destroy(keyId);
  }

  /** A delivery refused after sealing: its key must not outlive the refusal. */
  async discard(keyId: string): Promise<void> {
    await this.destroy(keyId);
  }

  /** Active keys older than `instant`, for the reconciliation of keys no event refers to. */
  async activeKeysCreatedBefore(instant: string, limit = 1000): Promise<readonly ActiveKeyInfo[]> {
    return this.keys.listActiveCreatedBefore(instant, limit);
  }

  async has(keyId: string): Promise<KeyStatus> {
    this.ensureOpen();
    return this.keys.status(keyId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.masterKey.fill(0);
    await this.keys.close();
  }

  private ensureOpen(): void {
    if (this.closed) throw new VaultError('VAULT_CLOSED', 'The vault is closed');
  }
}

/** Fails at start-up, not at the first read, when the master key is not this vault's. */
const checkMasterKey = async (keys: DataKeyStore, masterKey: Buffer): Promise<void> => {
  const candidate = packBox(gcmEncrypt(masterKey, Buffer.alloc(KEY_BYTES), KEY_CHECK_AAD));
  const stored = await keys.ensureCheckValue(candidate);
  const check = gcmDecrypt(masterKey, unpackBox(stored), KEY_CHECK_AAD);
  if (check === null) throw new MasterKeyMismatchError();
  check.fill(0);
};
