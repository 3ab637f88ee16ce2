import { randomBytes } from 'node:crypto';
import { postgresBackend, type DataKeyStoreBackend } from './testing/data-key-store.backends';
import { Vault } from './vault';
import { KeyDestroyedError, MasterKeyMismatchError } from './vault.errors';

/**
 * Two API replicas on one PostgreSQL database: a delivery sealed on one must open on the
 * other, and a purge on either must be final on both (L2321-3 al. 2: five years at most).
 */
describe('Vault replicas sharing PostgreSQL', () => {
  let backend: DataKeyStoreBackend;
  const masterKey = randomBytes(32);
  const opened: Vault[] = [];
  const replica = async (key = masterKey): Promise<Vault> => {
    const vault = await Vault.open({ keys: await backend.open(), masterKey: key });
    opened.push(vault);
    return vault;
  };

  beforeEach(async () => {
    backend = await postgresBackend();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((v) => v.close()));
    await backend.dispose();
  });

  it('opens on B what A sealed, and a destroy on B is final on A, row gone', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const sealed = await a.seal('ds-1', 'records delivered to replica A');
    const kept = await a.seal('ds-2', 'kept');
    expect((await b.open(sealed)).toString()).toBe('records delivered to replica A');

    await b.destroy(sealed.keyId);

    await expect(a.open(sealed)).rejects.toThrow(KeyDestroyedError);
    expect(await a.has(sealed.keyId)).toBe('destroyed');
    expect(await backend.rowExists(sealed.keyId)).toBe(false);
    expect((await a.open(kept)).toString()).toBe('kept');
  });

  it('keeps one master-key check when two replicas with different keys create the vault together', async () => {
    const outcomes = await Promise.allSettled([replica(randomBytes(32)), replica(randomBytes(32))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: expect.any(MasterKeyMismatchError) });
  });

  it('refuses a replica started with another master key on an existing vault', async () => {
    const a = await replica();
    await a.seal('ds-1', 'x');
    await expect(replica(randomBytes(32))).rejects.toThrow(MasterKeyMismatchError);
  });
});
