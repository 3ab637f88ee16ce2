import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SealedDataset } from './sealed-dataset';
import { Vault } from './vault';
import { KeyDestroyedError, KeyNotFoundError, MasterKeyError, MasterKeyMismatchError, VaultError, VaultIntegrityError } from './vault.errors';

const flipFirstByte = (b64: string): string => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[0] ^= 0x01;
  return bytes.toString('base64');
};

describe('Vault', () => {
  let dir: string;
  let path: string;
  let masterKey: Buffer;
  let vault: Vault;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-'));
    path = join(dir, 'vault.db');
    masterKey = randomBytes(32);
    vault = Vault.open({ path, masterKey });
  });
  afterEach(() => {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals to plain JSON and opens it back, from a string or a Buffer', () => {
    const sealed = vault.seal('ds-1', '{"records":[{"identity":"Jeanne Martin"}]}');
    expect(JSON.parse(JSON.stringify(sealed))).toEqual(sealed);
    expect(sealed).toMatchObject({ datasetId: 'ds-1', alg: 'AES-256-GCM' });
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.authTag, 'base64')).toHaveLength(16);
    expect(sealed.ciphertext).not.toContain('Jeanne');
    expect(vault.open(sealed).toString('utf8')).toBe('{"records":[{"identity":"Jeanne Martin"}]}');
    const binary = randomBytes(1000);
    expect(vault.open(vault.seal('ds-2', binary)).equals(binary)).toBe(true);
    expect(vault.open(vault.seal('ds-3', '')).length).toBe(0);
  });

  it('gives each dataset its own key and IV, even for equal plaintexts', () => {
    const a = vault.seal('ds-a', 'same');
    const b = vault.seal('ds-b', 'same');
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect([vault.has(a.keyId), vault.has(b.keyId), vault.has('nope')]).toEqual(['active', 'active', 'unknown']);
  });

  it.each<[string, (s: SealedDataset, other: SealedDataset) => SealedDataset]>([
    ['ciphertext', (s) => ({ ...s, ciphertext: flipFirstByte(s.ciphertext) })],
    ['auth tag', (s) => ({ ...s, authTag: flipFirstByte(s.authTag) })],
    ['truncated auth tag', (s) => ({ ...s, authTag: Buffer.from(s.authTag, 'base64').subarray(0, 12).toString('base64') })],
    ['IV', (s) => ({ ...s, iv: flipFirstByte(s.iv) })],
    ['datasetId (ciphertext moved to another dataset)', (s, o) => ({ ...s, datasetId: o.datasetId })],
    ['keyId (key of another dataset)', (s, o) => ({ ...s, keyId: o.keyId })],
    ['ciphertext swapped in from another dataset', (s, o) => ({ ...s, iv: o.iv, ciphertext: o.ciphertext, authTag: o.authTag })],
    ['algorithm', (s) => ({ ...s, alg: 'AES-128-CBC' }) as unknown as SealedDataset],
  ])('refuses a tampered %s', (_, tamper) => {
    const sealed = vault.seal('ds-1', 'secret records');
    const other = vault.seal('ds-2', 'other records');
    expect(() => vault.open(tamper(sealed, other))).toThrow(VaultIntegrityError);
    expect(vault.open(sealed).toString()).toBe('secret records');
  });

  it('refuses a vault file opened with another master key', () => {
    vault.seal('ds-1', 'x');
    vault.close();
    expect(() => Vault.open({ path, masterKey: randomBytes(32) })).toThrow(MasterKeyMismatchError);
    expect(() => Vault.open({ path, masterKey: randomBytes(16) })).toThrow(MasterKeyError);
    vault = Vault.open({ path, masterKey });
  });

  it('refuses a wrapped key that was tampered with in the vault file', () => {
    const sealed = vault.seal('ds-1', 'x');
    vault.close();
    const db = new Database(path);
    db.prepare("UPDATE data_keys SET wrapped_key = randomblob(60) WHERE key_id = ?").run(sealed.keyId);
    db.close();
    vault = Vault.open({ path, masterKey });
    expect(() => vault.open(sealed)).toThrow(/cannot be unwrapped/);
  });

  it('after destroy, the data is gone for every path and the purge is remembered', () => {
    const sealed = vault.seal('ds-1', 'secret records');
    const kept = vault.seal('ds-2', 'kept records');
    vault.destroy(sealed.keyId);
    const purged = (() => {
      try {
        vault.open(sealed);
      } catch (e) {
        return e;
      }
    })();
    expect(purged).toBeInstanceOf(KeyDestroyedError);
    expect(purged).toMatchObject({ code: 'DATA_PURGED', keyId: sealed.keyId });
    expect(vault.has(sealed.keyId)).toBe('destroyed');
    expect(() => vault.destroy(sealed.keyId)).not.toThrow();
    expect(() => vault.open({ ...sealed, keyId: kept.keyId })).toThrow(VaultIntegrityError);
    const resealed = vault.seal('ds-1', 'again');
    expect(() => vault.open({ ...sealed, keyId: resealed.keyId })).toThrow(VaultIntegrityError);
    vault.close();
    vault = Vault.open({ path, masterKey });
    expect(() => vault.open(sealed)).toThrow(KeyDestroyedError);
    expect(vault.open(kept).toString()).toBe('kept records');
  });

  it('discard shreds a key sealed for a refused delivery', () => {
    const sealed = vault.seal('ds-1', 'refused');
    vault.discard(sealed.keyId);
    expect(vault.has(sealed.keyId)).toBe('destroyed');
    expect(() => vault.open(sealed)).toThrow(KeyDestroyedError);
  });

  it('tells an unknown key from a destroyed one', () => {
    const sealed = vault.seal('ds-1', 'x');
    const other = Vault.open({ path: join(dir, 'other.db'), masterKey });
    try {
      expect(() => other.open(sealed)).toThrow(KeyNotFoundError);
      expect(other.has(sealed.keyId)).toBe('unknown');
    } finally {
      other.close();
    }
  });

  it('keeps its file private and in WAL mode, and refuses use after close', () => {
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    vault.close();
    expect(() => vault.seal('ds-1', 'x')).toThrow(VaultError);
    expect(() => vault.close()).not.toThrow();
    vault = Vault.open({ path, masterKey });
  });
});
