import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SealedDataset } from './sealed-dataset';
import { SqliteDataKeyStore } from './sqlite-data-key-store';
import { DATA_KEY_STORE_BACKENDS, sqliteBackend, type DataKeyStoreBackend } from './testing/data-key-store.backends';
import { Vault } from './vault';
import { KeyDestroyedError, KeyNotFoundError, MasterKeyError, MasterKeyMismatchError, VaultError, VaultIntegrityError } from './vault.errors';

const flipFirstByte = (b64: string): string => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[0] ^= 0x01;
  return bytes.toString('base64');
};

describe.each(DATA_KEY_STORE_BACKENDS)('Vault on %s', (_, backendFactory) => {
  let backend: DataKeyStoreBackend;
  let masterKey: Buffer;
  let vault: Vault;
  const reopen = async (key = masterKey): Promise<Vault> => Vault.open({ keys: await backend.open(), masterKey: key });

  beforeEach(async () => {
    backend = await backendFactory();
    masterKey = randomBytes(32);
    vault = await reopen();
  });
  afterEach(async () => {
    // A vault that fails to close must not leave the backing's connections and files behind.
    try {
      await vault.close();
    } finally {
      await backend.dispose();
    }
  });

  it('seals to plain JSON and opens it back, from a string or a Buffer', async () => {
    const sealed = await vault.seal('ds-1', '{"records":[{"identity":"Jeanne Martin"}]}');
    expect(JSON.parse(JSON.stringify(sealed))).toEqual(sealed);
    expect(sealed).toMatchObject({ datasetId: 'ds-1', alg: 'AES-256-GCM' });
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.authTag, 'base64')).toHaveLength(16);
    expect(sealed.ciphertext).not.toContain('Jeanne');
    expect((await vault.open(sealed)).toString('utf8')).toBe('{"records":[{"identity":"Jeanne Martin"}]}');
    const binary = randomBytes(1000);
    expect((await vault.open(await vault.seal('ds-2', binary))).equals(binary)).toBe(true);
    expect((await vault.open(await vault.seal('ds-3', ''))).length).toBe(0);
  });

  it('gives each dataset its own key and IV, even for equal plaintexts', async () => {
    const a = await vault.seal('ds-a', 'same');
    const b = await vault.seal('ds-b', 'same');
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect([await vault.has(a.keyId), await vault.has(b.keyId), await vault.has('nope')]).toEqual(['active', 'active', 'unknown']);
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
  ])('refuses a tampered %s', async (_, tamper) => {
    const sealed = await vault.seal('ds-1', 'secret records');
    const other = await vault.seal('ds-2', 'other records');
    await expect(vault.open(tamper(sealed, other))).rejects.toThrow(VaultIntegrityError);
    expect((await vault.open(sealed)).toString()).toBe('secret records');
  });

  it('refuses a store opened with another master key, and closes it', async () => {
    await vault.seal('ds-1', 'x');
    await vault.close();
    const keys = await backend.open();
    await expect(Vault.open({ keys, masterKey: randomBytes(32) })).rejects.toThrow(MasterKeyMismatchError);
    await expect(keys.status('any')).rejects.toMatchObject({ code: 'VAULT_CLOSED' });
    await expect(Vault.open({ keys: await backend.open(), masterKey: randomBytes(16) })).rejects.toThrow(MasterKeyError);
    vault = await reopen();
  });

  it('refuses a wrapped key that was tampered with in the store', async () => {
    const sealed = await vault.seal('ds-1', 'x');
    await backend.overwriteWrappedKey(sealed.keyId, randomBytes(60));
    await expect(vault.open(sealed)).rejects.toThrow(/cannot be unwrapped/);
  });

  it('after destroy, the data is gone for every path and the purge is remembered', async () => {
    const sealed = await vault.seal('ds-1', 'secret records');
    const kept = await vault.seal('ds-2', 'kept records');
    await vault.destroy(sealed.keyId);
    const purged = await vault.open(sealed).catch((e: unknown) => e);
    expect(purged).toBeInstanceOf(KeyDestroyedError);
    expect(purged).toMatchObject({ code: 'DATA_PURGED', keyId: sealed.keyId });
    expect(await vault.has(sealed.keyId)).toBe('destroyed');
    await expect(vault.destroy(sealed.keyId)).resolves.toBeUndefined();
    await expect(vault.open({ ...sealed, keyId: kept.keyId })).rejects.toThrow(VaultIntegrityError);
    const resealed = await vault.seal('ds-1', 'again');
    await expect(vault.open({ ...sealed, keyId: resealed.keyId })).rejects.toThrow(VaultIntegrityError);
    await vault.close();
    vault = await reopen();
    await expect(vault.open(sealed)).rejects.toThrow(KeyDestroyedError);
    expect((await vault.open(kept)).toString()).toBe('kept records');
  });

  it('discard shreds a key sealed for a refused delivery', async () => {
    const sealed = await vault.seal('ds-1', 'refused');
    await vault.discard(sealed.keyId);
    expect(await vault.has(sealed.keyId)).toBe('destroyed');
    await expect(vault.open(sealed)).rejects.toThrow(KeyDestroyedError);
  });

  it('tells an unknown key from a destroyed one', async () => {
    const sealed = await vault.seal('ds-1', 'x');
    const other = await Vault.open({ keys: await backend.openOther(), masterKey });
    try {
      await expect(other.open(sealed)).rejects.toThrow(KeyNotFoundError);
      expect(await other.has(sealed.keyId)).toBe('unknown');
    } finally {
      await other.close();
    }
  });

  it('refuses use after close, and closes twice without harm', async () => {
    await vault.close();
    await expect(vault.seal('ds-1', 'x')).rejects.toThrow(VaultError);
    await expect(vault.has('any')).rejects.toThrow(VaultError);
    await expect(vault.close()).resolves.toBeUndefined();
    vault = await reopen();
  });
});

describe('Vault on sqlite: the file', () => {
  it('keeps its file private and in WAL mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-'));
    const path = join(dir, 'vault.db');
    const vault = await Vault.open({ keys: SqliteDataKeyStore.open({ path }), masterKey: randomBytes(32) });
    try {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const db = new Database(path, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      await vault.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Vault arguments and key ages (sqlite)', () => {
  let backend: DataKeyStoreBackend;
  beforeEach(async () => {
    backend = await sqliteBackend();
  });
  afterEach(() => backend.dispose());

  it('accepts only a 32-byte Buffer as master key, not a string of 32 characters', async () => {
    const keys = await backend.open();
    await expect(Vault.open({ keys, masterKey: 'k'.repeat(32) as unknown as Buffer })).rejects.toThrow(new MasterKeyError('The master key must be 32 bytes'));
    await expect(keys.status('any')).rejects.toMatchObject({ code: 'VAULT_CLOSED' });
  });

  it('keeps its own copy of the master key: the caller wiping its buffer does not lock the vault out', async () => {
    const masterKey = randomBytes(32);
    const vault = await Vault.open({ keys: await backend.open(), masterKey });
    try {
      const sealed = await vault.seal('ds-1', 'kept');
      masterKey.fill(0);
      expect((await vault.open(sealed)).toString()).toBe('kept');
    } finally {
      await vault.close();
    }
  });

  it('refuses an empty dataset or key id before touching the store', async () => {
    const vault = await Vault.open({ keys: await backend.open(), masterKey: randomBytes(32) });
    try {
      await expect(vault.seal('', 'x')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(vault.seal(42 as unknown as string, 'x')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(vault.destroy('')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(vault.discard('')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    } finally {
      await vault.close();
    }
  });

  it.each<[string, (s: SealedDataset) => unknown]>([
    ['nothing', () => null],
    ['a missing ciphertext', ({ ciphertext: _, ...rest }) => rest],
    ['an empty datasetId', (s) => ({ ...s, datasetId: '' })],
    ['an empty keyId', (s) => ({ ...s, keyId: '' })],
    ['an IV that is not base64', (s) => ({ ...s, iv: `${s.iv.slice(0, -4)}!!!!` })],
    ['a ciphertext cut short of a base64 quantum', (s) => ({ ...s, ciphertext: s.ciphertext.slice(0, -1) })],
  ])('refuses as malformed, before any key is looked up, a sealed dataset with %s', async (_, malform) => {
    const vault = await Vault.open({ keys: await backend.open(), masterKey: randomBytes(32) });
    try {
      const sealed = await vault.seal('ds-1', 'records');
      await expect(vault.open(malform(sealed) as SealedDataset)).rejects.toThrow(/^Malformed/);
    } finally {
      await vault.close();
    }
  });

  it('says which check failed: a key of another dataset, a ciphertext that does not authenticate, a purged or unknown key', async () => {
    const vault = await Vault.open({ keys: await backend.open(), masterKey: randomBytes(32) });
    try {
      const [sealed, other] = [await vault.seal('ds-1', 'one'), await vault.seal('ds-2', 'two')];
      await expect(vault.open({ ...sealed, keyId: other.keyId })).rejects.toThrow(`Data key ${other.keyId} does not belong to dataset ds-1`);
      await expect(vault.open({ ...sealed, ciphertext: flipFirstByte(sealed.ciphertext) })).rejects.toThrow('Dataset ds-1 failed authentication');
      await vault.destroy(sealed.keyId);
      await expect(vault.open(sealed)).rejects.toThrow(`Data key ${sealed.keyId} was destroyed: the dataset was purged`);
      const unknown = { ...other, keyId: '00000000-0000-4000-8000-000000000000' };
      await expect(vault.open(unknown)).rejects.toThrow(new KeyNotFoundError(unknown.keyId));
      await expect(vault.open(unknown)).rejects.toThrow(`Data key ${unknown.keyId} is unknown to this vault`);
    } finally {
      await vault.close();
    }
  });

  it('stamps each key with the injected clock, so reconciliation can list the old ones it has not seen used', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const vault = await Vault.open({ keys: await backend.open(), masterKey: randomBytes(32), clock: { now: () => now } });
    try {
      const old = await vault.seal('ds-old', 'x');
      now = new Date('2026-01-02T00:00:00.000Z');
      await vault.seal('ds-new', 'y');
      expect(await vault.activeKeysCreatedBefore('2026-01-02T00:00:00.000Z')).toEqual([
        { keyId: old.keyId, datasetId: 'ds-old', createdAt: '2026-01-01T00:00:00.000Z' },
      ]);
      expect(await vault.activeKeysCreatedBefore('2026-01-03T00:00:00.000Z', 1)).toHaveLength(1);
    } finally {
      await vault.close();
    }
  });

  it('leaves a key sealed without a clock out of reconciliation: its age is unknown', async () => {
    const vault = await Vault.open({ keys: await backend.open(), masterKey: randomBytes(32) });
    try {
      await vault.seal('ds-1', 'x');
      expect(await vault.activeKeysCreatedBefore('9999-01-01T00:00:00.000Z')).toEqual([]);
    } finally {
      await vault.close();
    }
  });
});
