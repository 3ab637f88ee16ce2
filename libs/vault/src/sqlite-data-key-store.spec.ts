import { randomBytes, randomUUID } from 'node:crypto';
import type { DataKeyStore } from './data-key-store';
import { SqliteDataKeyStore } from './sqlite-data-key-store';
import { describeDataKeyStoreContract } from './testing/data-key-store.contract';
import { sqliteBackend, type DataKeyStoreBackend } from './testing/data-key-store.backends';

describeDataKeyStoreContract('sqlite', sqliteBackend);

describe('SqliteDataKeyStore in memory', () => {
  it('opens without a file, for a throwaway vault', async () => {
    const store = SqliteDataKeyStore.open({ path: ':memory:' });
    try {
      const keyId = randomUUID();
      await store.put(keyId, { datasetId: 'ds-1', wrappedKey: Buffer.from('wrapped') });
      expect(await store.find(keyId)).toEqual({ status: 'active', datasetId: 'ds-1', wrappedKey: Buffer.from('wrapped') });
    } finally {
      await store.close();
    }
  });
});

/** Whether `promise` has settled once the callbacks already queued for the next turn ran. */
async function settledNextTurn(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/**
 * Puts wait for the next turn of the event loop to be written together; every other call
 * writes them first, so no caller can tell a put was deferred. A destroy or a rotation that
 * overtook a put would leave a key alive or under the old master key.
 */
describe('SqliteDataKeyStore: the puts of one turn', () => {
  let backend: DataKeyStoreBackend;
  let store: DataKeyStore;
  const key = (createdAt?: string) => ({ datasetId: 'ds-1', wrappedKey: randomBytes(60), createdAt });

  beforeEach(async () => {
    backend = await sqliteBackend();
    store = await backend.open();
  });
  afterEach(() => backend.dispose());

  it('writes a lone put on the next turn, with no other call to flush it', async () => {
    const keyId = randomUUID();
    const put = store.put(keyId, key());
    expect(await settledNextTurn(put)).toBe(true);
    expect(await backend.rowExists(keyId)).toBe(true);
  });

  it('writes the puts of one turn together, each settled on its own', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const puts = ids.map((id) => store.put(id, key()));
    expect(await Promise.all(puts.map(settledNextTurn))).toEqual([true, true, true]);
    for (const id of ids) expect(await backend.rowExists(id)).toBe(true);
  });

  it('answers status with a put not yet written', async () => {
    const keyId = randomUUID();
    const put = store.put(keyId, key());
    expect(await store.status(keyId)).toBe('active');
    await put;
  });

  it('finds a put not yet written', async () => {
    const keyId = randomUUID();
    const put = store.put(keyId, key());
    expect(await store.find(keyId)).toMatchObject({ status: 'active', datasetId: 'ds-1' });
    await put;
  });

  it('lists a put not yet written among the active keys', async () => {
    const keyId = randomUUID();
    const put = store.put(keyId, key('2026-01-01T00:00:00.000Z'));
    expect(await store.listActiveCreatedBefore('2026-02-01T00:00:00.000Z', 10)).toEqual([
      { keyId, datasetId: 'ds-1', createdAt: '2026-01-01T00:00:00.000Z' },
    ]);
    await put;
  });

  it('destroys a put not yet written, for good: the put cannot bring the key back afterwards', async () => {
    const keyId = randomUUID();
    const put = store.put(keyId, key());
    await store.destroy(keyId);
    await put;
    expect(await store.status(keyId)).toBe('destroyed');
    expect(await backend.rowExists(keyId)).toBe(false);
  });

  it('re-wraps a put not yet written with the others', async () => {
    await store.ensureCheckValue(Buffer.from('check'));
    const keyId = randomUUID();
    const put = store.put(keyId, { datasetId: 'ds-1', wrappedKey: Buffer.from('old') });
    expect(await store.rewrapAll((_, bytes) => Buffer.from(`new-${bytes.toString()}`), (stored) => stored)).toEqual({ rewrapped: 1 });
    await put;
    expect(await store.find(keyId)).toMatchObject({ wrappedKey: Buffer.from('new-old') });
  });

  it('writes a put not yet written before closing', async () => {
    const keyId = randomUUID();
    const put = store.put(keyId, key());
    await store.close();
    await expect(put).resolves.toBeUndefined();
    expect(await (await backend.open()).find(keyId)).toMatchObject({ status: 'active' });
  });
});
