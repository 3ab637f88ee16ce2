import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gcmDecrypt, unpackBox } from './aes-gcm';
import { loadOrCreateMasterKey } from './master-key';
import { SqliteDataKeyStore } from './sqlite-data-key-store';
import { Vault } from './vault';
import { KeyDestroyedError } from './vault.errors';

/**
 * Crypto-shredding only holds if the key bytes leave no trace on disk: these tests scan
 * every file of the data dir (vault.db, -wal, -shm, master.key) as raw bytes.
 */
describe('Vault on disk (forensic)', () => {
  const marker = 'MARKER-7f3c1e9a-L2321-3-jeanne.martin@example.fr';
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-'));
    path = join(dir, 'vault.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Files holding `needle` (raw bytes, or its hex and base64 spellings). */
  const filesHolding = (needle: Buffer): string[] => {
    const spellings = [needle, Buffer.from(needle.toString('hex')), Buffer.from(needle.toString('base64'))];
    return readdirSync(dir).filter((f) => {
      const bytes = readFileSync(join(dir, f));
      return spellings.some((s) => bytes.includes(s));
    });
  };

  /** Reads the stored wrapped key behind the vault's back, and unwraps it as an attacker holding the master key could. */
  const stolenKeys = (masterKey: Buffer, keyId: string): { wrapped: Buffer; dataKey: Buffer } => {
    const db = new Database(path, { readonly: true });
    try {
      const row = db.prepare('SELECT wrapped_key FROM data_keys WHERE key_id = ?').get(keyId) as { wrapped_key: Buffer };
      const dataKey = gcmDecrypt(masterKey, unpackBox(row.wrapped_key), Buffer.from(keyId));
      if (dataKey === null) throw new Error('unwrap failed');
      return { wrapped: Buffer.from(row.wrapped_key), dataKey };
    } finally {
      db.close();
    }
  };

  it('never writes the plaintext or the data key, and leaves no trace of the wrapped key after destroy', async () => {
    const masterKey = loadOrCreateMasterKey({ dataDir: dir });
    const vault = await Vault.open({ keys: SqliteDataKeyStore.open({ path }), masterKey });
    try {
      const others = [];
      for (let i = 0; i < 20; i++) others.push(await vault.seal(`ds-other-${i}`, `other dataset ${i}`));
      const sealed = await vault.seal('ds-target', JSON.stringify({ records: [{ emailAddress: marker }] }));
      const { wrapped, dataKey } = stolenKeys(masterKey, sealed.keyId);
      const markerBytes = Buffer.from(marker);

      expect(filesHolding(wrapped).length).toBeGreaterThan(0);
      expect(filesHolding(markerBytes)).toEqual([]);
      expect(filesHolding(dataKey)).toEqual([]);
      expect(readdirSync(dir).filter((f) => f !== 'master.key' && readFileSync(join(dir, f)).includes(masterKey))).toEqual([]);

      await vault.destroy(sealed.keyId);

      expect(filesHolding(wrapped)).toEqual([]);
      expect(filesHolding(dataKey)).toEqual([]);
      expect(filesHolding(markerBytes)).toEqual([]);
      await expect(vault.open(sealed)).rejects.toThrow(KeyDestroyedError);
      for (const o of others) expect((await vault.open(o)).toString()).toMatch(/^other dataset/);
    } finally {
      await vault.close();
    }
  });

  it('leaves no trace after close and reopen, even when the key had reached the main file', async () => {
    const masterKey = loadOrCreateMasterKey({ dataDir: dir });
    let vault = await Vault.open({ keys: SqliteDataKeyStore.open({ path }), masterKey });
    const sealed = await vault.seal('ds-target', marker);
    // Closing checkpoints the WAL: the wrapped key is now in vault.db itself, not only the WAL.
    await vault.close();
    const { wrapped } = stolenKeys(masterKey, sealed.keyId);
    expect(readFileSync(path).includes(wrapped)).toBe(true);

    vault = await Vault.open({ keys: SqliteDataKeyStore.open({ path }), masterKey });
    try {
      await vault.destroy(sealed.keyId);
      expect(filesHolding(wrapped)).toEqual([]);
    } finally {
      await vault.close();
    }
    expect(filesHolding(wrapped)).toEqual([]);
    expect(filesHolding(Buffer.from(marker))).toEqual([]);
  });

  it('leaves no trace when the key moved between pages as the table grew', async () => {
    const masterKey = loadOrCreateMasterKey({ dataDir: dir });
    const vault = await Vault.open({ keys: SqliteDataKeyStore.open({ path }), masterKey });
    try {
      const early = await vault.seal('ds-early', marker);
      const { wrapped } = stolenKeys(masterKey, early.keyId);
      // Enough rows to split b-tree pages several times, so older cell copies could linger.
      for (let i = 0; i < 400; i++) await vault.seal(`ds-${i}`, `filler ${i}`);
      await vault.destroy(early.keyId);
      expect(filesHolding(wrapped)).toEqual([]);
    } finally {
      await vault.close();
    }
    expect(filesHolding(Buffer.from(marker))).toEqual([]);
  });

  it('binds each ciphertext to its datasetId (AAD) even for a thief holding the data key', async () => {
    const masterKey = loadOrCreateMasterKey({ dataDir: dir });
    const vault = await Vault.open({ keys: SqliteDataKeyStore.open({ path }), masterKey });
    try {
      const sealed = await vault.seal('ds-1', marker);
      const { dataKey } = stolenKeys(masterKey, sealed.keyId);
      const box = {
        iv: Buffer.from(sealed.iv, 'base64'),
        ciphertext: Buffer.from(sealed.ciphertext, 'base64'),
        authTag: Buffer.from(sealed.authTag, 'base64'),
      };
      expect(gcmDecrypt(dataKey, box, Buffer.from('ds-1'))?.toString()).toBe(marker);
      expect(gcmDecrypt(dataKey, box, Buffer.from('ds-2'))).toBeNull();
    } finally {
      await vault.close();
    }
  });
});
