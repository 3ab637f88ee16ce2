import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { gcmDecrypt, gcmEncrypt, KEY_BYTES, packBox, randomKey, unpackBox } from './aes-gcm';
import { decodeSealed, SEALED_ALG, type SealedDataset } from './sealed-dataset';
import { KeyDestroyedError, KeyNotFoundError, MasterKeyError, MasterKeyMismatchError, VaultError, VaultIntegrityError } from './vault.errors';
import { prepareVaultDb } from './vault.schema';

export type KeyStatus = 'active' | 'destroyed' | 'unknown';

export interface VaultOptions {
  /** The SQLite file, e.g. `<VIGIE_DATA_DIR>/vault.db`. */
  readonly path: string;
  readonly masterKey: Buffer;
  /** Stamps `created_at` on data keys; the lib never reads the system time itself. */
  readonly clock?: { now(): Date };
}

interface KeyRow {
  readonly dataset_id: string;
  readonly wrapped_key: Buffer;
}

const KEY_CHECK = 'key-check';
const KEY_CHECK_AAD = Buffer.from('vigie-vault:key-check');

/**
 * Envelope encryption with one random data key per delivered dataset, wrapped by the
 * master key. Destroying the data key is the purge (crypto-shredding): the ciphertext
 * kept forever in the event log becomes unreadable, as Article L2321-3 limits how long
 * ANSSI may keep delivered data.
 */
export class Vault {
  private closed = false;
  private readonly stmts: Record<'insert' | 'select' | 'exists' | 'isDestroyed' | 'zero' | 'remove' | 'tombstone', Statement>;

  private constructor(
    private readonly db: Db,
    private readonly masterKey: Buffer,
    private readonly clock: { now(): Date } | undefined,
  ) {
    this.stmts = {
      insert: db.prepare('INSERT INTO data_keys (key_id, dataset_id, wrapped_key, created_at) VALUES (?, ?, ?, ?)'),
      select: db.prepare('SELECT dataset_id, wrapped_key FROM data_keys WHERE key_id = ?'),
      exists: db.prepare('SELECT 1 FROM data_keys WHERE key_id = ?'),
      isDestroyed: db.prepare('SELECT 1 FROM destroyed_keys WHERE key_id = ?'),
      zero: db.prepare('UPDATE data_keys SET wrapped_key = zeroblob(length(wrapped_key)) WHERE key_id = ?'),
      remove: db.prepare('DELETE FROM data_keys WHERE key_id = ?'),
      tombstone: db.prepare('INSERT OR IGNORE INTO destroyed_keys (key_id) VALUES (?)'),
    };
  }

  static open({ path, masterKey, clock }: VaultOptions): Vault {
    if (!Buffer.isBuffer(masterKey) || masterKey.length !== KEY_BYTES) {
      throw new MasterKeyError(`The master key must be ${KEY_BYTES} bytes`);
    }
    const db = new Database(path);
    try {
      if (path !== ':memory:' && path !== '') chmodSync(path, 0o600);
      prepareVaultDb(db);
      checkMasterKey(db, masterKey);
    } catch (e) {
      db.close();
      throw e;
    }
    return new Vault(db, Buffer.from(masterKey), clock);
  }

  seal(datasetId: string, plaintext: Buffer | string): SealedDataset {
    this.ensureOpen();
    if (typeof datasetId !== 'string' || datasetId === '') throw new VaultError('INVALID_ARGUMENT', 'datasetId must be a non-empty string');
    const keyId = randomUUID();
    const dataKey = randomKey();
    const clear = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    try {
      const box = gcmEncrypt(dataKey, clear, Buffer.from(datasetId, 'utf8'));
      const wrapped = packBox(gcmEncrypt(this.masterKey, dataKey, Buffer.from(keyId, 'utf8')));
      this.stmts.insert.run(keyId, datasetId, wrapped, this.clock?.now().toISOString() ?? null);
      return {
        datasetId,
        keyId,
        alg: SEALED_ALG,
        iv: box.iv.toString('base64'),
        ciphertext: box.ciphertext.toString('base64'),
        authTag: box.authTag.toString('base64'),
      };
    } finally {
      dataKey.fill(0);
      if (clear !== plaintext) clear.fill(0);
    }
  }

  open(sealed: SealedDataset): Buffer {
    this.ensureOpen();
    const box = decodeSealed(sealed);
    const row = this.stmts.select.get(sealed.keyId) as KeyRow | undefined;
    if (row === undefined) {
      throw this.stmts.isDestroyed.get(sealed.keyId) ? new KeyDestroyedError(sealed.keyId) : new KeyNotFoundError(sealed.keyId);
    }
    if (row.dataset_id !== sealed.datasetId) {
      throw new VaultIntegrityError(`Data key ${sealed.keyId} does not belong to dataset ${sealed.datasetId}`);
    }
    const dataKey = gcmDecrypt(this.masterKey, unpackBox(row.wrapped_key), Buffer.from(sealed.keyId, 'utf8'));
    row.wrapped_key.fill(0);
    if (dataKey === null) throw new VaultIntegrityError(`Data key ${sealed.keyId} cannot be unwrapped`);
    try {
      const clear = gcmDecrypt(dataKey, box, Buffer.from(sealed.datasetId, 'utf8'));
      if (clear === null) throw new VaultIntegrityError(`Dataset ${sealed.datasetId} failed authentication`);
      return clear;
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * Final and idempotent. The wrapped key is zeroed in place, deleted (secure_delete
   * zeroes the freed cell), then the WAL is checkpointed and truncated so no older page
   * image keeps the bytes. Until that checkpoint succeeds the call throws; calling it
   * again finishes the job.
   */
  destroy(keyId: string): void {
    this.ensureOpen();
    if (typeof keyId !== 'string' || keyId === '') throw new VaultError('INVALID_ARGUMENT', 'keyId must be a non-empty string');
    this.db.transaction(() => {
      this.stmts.zero.run(keyId);
      this.stmts.remove.run(keyId);
      this.stmts.tombstone.run(keyId);
    })();
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result !== undefined && result.busy !== 0) {
      throw new VaultError('VAULT_CHECKPOINT_BUSY', `Key ${keyId} is deleted but the WAL could not be truncated yet; retry destroy`);
    }
  }

  /** A delivery refused after sealing: its key must not outlive the refusal. */
  discard(keyId: string): void {
    this.destroy(keyId);
  }

  has(keyId: string): KeyStatus {
    this.ensureOpen();
    if (this.stmts.exists.get(keyId) !== undefined) return 'active';
    return this.stmts.isDestroyed.get(keyId) ? 'destroyed' : 'unknown';
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.masterKey.fill(0);
    this.db.close();
  }

  private ensureOpen(): void {
    if (this.closed) throw new VaultError('VAULT_CLOSED', 'The vault is closed');
  }
}

/** Fails at start-up, not at the first read, when the master key is not this vault's. */
const checkMasterKey = (db: Db, masterKey: Buffer): void => {
  const row = db.prepare('SELECT value FROM vault_meta WHERE name = ?').get(KEY_CHECK) as { value: Buffer } | undefined;
  if (row === undefined) {
    // OR IGNORE: a second process creating the same vault keeps the first check value.
    const check = packBox(gcmEncrypt(masterKey, Buffer.alloc(KEY_BYTES), KEY_CHECK_AAD));
    db.prepare('INSERT OR IGNORE INTO vault_meta (name, value) VALUES (?, ?)').run(KEY_CHECK, check);
    checkMasterKey(db, masterKey);
    return;
  }
  if (gcmDecrypt(masterKey, unpackBox(row.value), KEY_CHECK_AAD) === null) throw new MasterKeyMismatchError();
};
