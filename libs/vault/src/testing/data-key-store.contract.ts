import { randomBytes, randomUUID } from 'node:crypto';
import type { DataKeyStore } from '../data-key-store';
import { VaultError } from '../vault.errors';
import type { DataKeyStoreBackend, DataKeyStoreBackendFactory } from './data-key-store.backends';

const wrapped = (): Buffer => randomBytes(60);

/**
 * What every DataKeyStore must do for the vault to shred data for good: each test gets a
 * fresh backing, and "another process" is a second handle on it.
 */
export function describeDataKeyStoreContract(name: string, factory: DataKeyStoreBackendFactory): void {
  describe(`DataKeyStore contract: ${name}`, () => {
    let backend: DataKeyStoreBackend;
    let store: DataKeyStore;

    beforeEach(async () => {
      backend = await factory();
      store = await backend.open();
    });
    afterEach(() => backend.dispose());

    it('finds a stored key with its dataset, and tells an unknown id apart', async () => {
      const keyId = randomUUID();
      const bytes = wrapped();
      await store.put(keyId, { datasetId: 'ds-1', wrappedKey: bytes, createdAt: '2026-01-01T00:00:00.000Z' });
      const found = await store.find(keyId);
      expect(found).toEqual({ status: 'active', datasetId: 'ds-1', wrappedKey: bytes });
      expect(await store.status(keyId)).toBe('active');
      expect(await store.find(randomUUID())).toEqual({ status: 'unknown' });
      expect(await store.status(randomUUID())).toBe('unknown');
    });

    it('lists active keys created before an instant, oldest first, leaving out destroyed and undated ones', async () => {
      const [old, older, recent, undated, gone] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await store.put(old, { datasetId: 'ds-old', wrappedKey: wrapped(), createdAt: '2026-01-02T00:00:00.000Z' });
      await store.put(older, { datasetId: 'ds-older', wrappedKey: wrapped(), createdAt: '2026-01-01T00:00:00.000Z' });
      await store.put(recent, { datasetId: 'ds-recent', wrappedKey: wrapped(), createdAt: '2026-01-03T00:00:00.000Z' });
      await store.put(undated, { datasetId: 'ds-undated', wrappedKey: wrapped() });
      await store.put(gone, { datasetId: 'ds-gone', wrappedKey: wrapped(), createdAt: '2025-12-31T00:00:00.000Z' });
      await store.destroy(gone);
      expect(await store.listActiveCreatedBefore('2026-01-03T00:00:00.000Z', 10)).toEqual([
        { keyId: older, datasetId: 'ds-older', createdAt: '2026-01-01T00:00:00.000Z' },
        { keyId: old, datasetId: 'ds-old', createdAt: '2026-01-02T00:00:00.000Z' },
      ]);
      expect(await store.listActiveCreatedBefore('2026-01-03T00:00:00.000Z', 1)).toHaveLength(1);
    });

    it('hands out a copy: the vault zeroing what it read leaves the stored key whole', async () => {
      const keyId = randomUUID();
      const bytes = wrapped();
      await store.put(keyId, { datasetId: 'ds-1', wrappedKey: Buffer.from(bytes) });
      const first = await store.find(keyId);
      if (first.status === 'active') first.wrappedKey.fill(0);
      expect(await store.find(keyId)).toMatchObject({ status: 'active', wrappedKey: bytes });
    });

    it('refuses a second key under the same id rather than replacing the first', async () => {
      const keyId = randomUUID();
      const bytes = wrapped();
      await store.put(keyId, { datasetId: 'ds-1', wrappedKey: bytes });
      // Matched by message: better-sqlite3 raises its errors from the realm of the first test file that loaded it.
      await expect(store.put(keyId, { datasetId: 'ds-2', wrappedKey: wrapped() })).rejects.toHaveProperty(
        'message',
        expect.stringMatching(/unique|duplicate key/i),
      );
      expect(await store.find(keyId)).toEqual({ status: 'active', datasetId: 'ds-1', wrappedKey: bytes });
    });

    it('stores concurrent puts each on its own: a refused one fails alone, the others are found', async () => {
      const taken = randomUUID();
      await store.put(taken, { datasetId: 'ds-taken', wrappedKey: wrapped() });
      const fresh = [randomUUID(), randomUUID(), randomUUID()];
      const outcomes = await Promise.allSettled([
        store.put(fresh[0], { datasetId: 'ds-0', wrappedKey: wrapped() }),
        store.put(taken, { datasetId: 'ds-again', wrappedKey: wrapped() }),
        store.put(fresh[1], { datasetId: 'ds-1', wrappedKey: wrapped() }),
        store.put(fresh[2], { datasetId: 'ds-2', wrappedKey: wrapped() }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      for (const [i, keyId] of fresh.entries()) expect(await store.find(keyId)).toMatchObject({ status: 'active', datasetId: `ds-${i}` });
      expect(await store.find(taken)).toMatchObject({ datasetId: 'ds-taken' });
    });

    it('destroys a key for good, leaves a tombstone and spares the others', async () => {
      const [gone, kept] = [randomUUID(), randomUUID()];
      const keptBytes = wrapped();
      await store.put(gone, { datasetId: 'ds-1', wrappedKey: wrapped() });
      await store.put(kept, { datasetId: 'ds-2', wrappedKey: keptBytes });
      await store.destroy(gone);
      expect(await store.find(gone)).toEqual({ status: 'destroyed' });
      expect(await store.status(gone)).toBe('destroyed');
      expect(await backend.rowExists(gone)).toBe(false);
      expect(await store.find(kept)).toEqual({ status: 'active', datasetId: 'ds-2', wrappedKey: keptBytes });
    });

    it('destroys idempotently, and tombstones an id it never held (a purge must not depend on the key)', async () => {
      const keyId = randomUUID();
      await store.put(keyId, { datasetId: 'ds-1', wrappedKey: wrapped() });
      await store.destroy(keyId);
      await expect(store.destroy(keyId)).resolves.toBeUndefined();
      expect(await store.status(keyId)).toBe('destroyed');
      const never = randomUUID();
      await store.destroy(never);
      expect(await store.status(never)).toBe('destroyed');
    });

    it('shares keys and tombstones with another process on the same backing', async () => {
      const other = await backend.open();
      const keyId = randomUUID();
      const bytes = wrapped();
      await store.put(keyId, { datasetId: 'ds-1', wrappedKey: bytes });
      expect(await other.find(keyId)).toEqual({ status: 'active', datasetId: 'ds-1', wrappedKey: bytes });
      await other.destroy(keyId);
      expect(await store.find(keyId)).toEqual({ status: 'destroyed' });
    });

    it('keeps the first check value, even when two processes create it together', async () => {
      const other = await backend.open();
      const [a, b] = [randomBytes(60), randomBytes(60)];
      const [seenByStore, seenByOther] = await Promise.all([store.ensureCheckValue(a), other.ensureCheckValue(b)]);
      expect(seenByStore.equals(seenByOther)).toBe(true);
      expect(seenByStore.equals(a) || seenByStore.equals(b)).toBe(true);
      expect((await store.ensureCheckValue(randomBytes(60))).equals(seenByStore)).toBe(true);
      const reopened = await backend.open();
      expect((await reopened.ensureCheckValue(randomBytes(60))).equals(seenByStore)).toBe(true);
    });

    it('re-wraps every active key and the check value together, leaving tombstones as they are', async () => {
      const [a, b, gone] = [randomUUID(), randomUUID(), randomUUID()];
      await store.ensureCheckValue(Buffer.from('check-old'));
      await store.put(a, { datasetId: 'ds-a', wrappedKey: Buffer.from('old-a') });
      await store.put(b, { datasetId: 'ds-b', wrappedKey: Buffer.from('old-b') });
      await store.put(gone, { datasetId: 'ds-gone', wrappedKey: Buffer.from('old-gone') });
      await store.destroy(gone);
      const result = await store.rewrapAll(
        (keyId, bytes) => Buffer.from(`new:${keyId}:${bytes.toString()}`),
        (stored) => Buffer.from(`new:${stored.toString()}`),
      );
      expect(result).toEqual({ rewrapped: 2 });
      const other = await backend.open();
      expect(await other.find(a)).toEqual({ status: 'active', datasetId: 'ds-a', wrappedKey: Buffer.from(`new:${a}:old-a`) });
      expect(await other.find(b)).toEqual({ status: 'active', datasetId: 'ds-b', wrappedKey: Buffer.from(`new:${b}:old-b`) });
      expect(await other.find(gone)).toEqual({ status: 'destroyed' });
      expect((await other.ensureCheckValue(Buffer.from('ignored'))).toString()).toBe('new:check-old');
    });

    it('changes nothing when re-wrapping fails half-way: one transaction, all or nothing', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()].sort();
      await store.ensureCheckValue(Buffer.from('check-old'));
      for (const id of ids) await store.put(id, { datasetId: `ds-${id}`, wrappedKey: Buffer.from(`old-${id}`) });
      let calls = 0;
      const failing = store.rewrapAll(
        (keyId) => {
          calls += 1;
          if (calls === 2) throw new Error('interrupted');
          return Buffer.from(`new-${keyId}`);
        },
        () => Buffer.from('check-new'),
      );
      await expect(failing).rejects.toThrow('interrupted');
      expect(calls).toBe(2);
      const other = await backend.open();
      for (const id of ids) expect(await other.find(id)).toEqual({ status: 'active', datasetId: `ds-${id}`, wrappedKey: Buffer.from(`old-${id}`) });
      expect((await other.ensureCheckValue(Buffer.from('ignored'))).toString()).toBe('check-old');
    });

    it('refuses to rotate a vault that has no check value yet, changing nothing', async () => {
      await expect(store.rewrapAll((_, bytes) => bytes, (stored) => stored)).rejects.toMatchObject({ code: 'VAULT_EMPTY' });
    });

    it('refuses use after close, and closes twice without harm', async () => {
      await store.close();
      await expect(store.status(randomUUID())).rejects.toBeInstanceOf(VaultError);
      await expect(store.put(randomUUID(), { datasetId: 'ds-1', wrappedKey: wrapped() })).rejects.toMatchObject({ code: 'VAULT_CLOSED' });
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
