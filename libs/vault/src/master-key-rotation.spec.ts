import { randomBytes } from 'node:crypto';
import { rotateMasterKey } from './master-key-rotation';
import { DATA_KEY_STORE_BACKENDS, type DataKeyStoreBackend } from './testing/data-key-store.backends';
import { Vault } from './vault';

describe.each(DATA_KEY_STORE_BACKENDS)('master-key rotation on %s', (_name, factory) => {
  let backend: DataKeyStoreBackend;
  beforeEach(async () => {
    backend = await factory();
  });
  afterEach(() => backend.dispose());

  const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
  const vaultWith = async (masterKey: Buffer): Promise<Vault> => Vault.open({ keys: await backend.open(), masterKey: Buffer.from(masterKey) });

  it('afterwards the new key opens every dataset, the old key opens nothing, and purged data stays purged', async () => {
    const before = await vaultWith(oldKey);
    const sealed = await Promise.all(['one', 'two', 'three'].map((text, i) => before.seal(`ds-${i}`, text)));
    await before.destroy(sealed[2].keyId);
    await before.close();

    expect(await rotateMasterKey({ keys: await backend.open(), oldKey, newKey })).toEqual({ rewrapped: 2 });

    await expect(vaultWith(oldKey)).rejects.toMatchObject({ code: 'MASTER_KEY_MISMATCH' });
    const after = await vaultWith(newKey);
    expect((await after.open(sealed[0])).toString()).toBe('one');
    expect((await after.open(sealed[1])).toString()).toBe('two');
    await expect(after.open(sealed[2])).rejects.toMatchObject({ code: 'DATA_PURGED' });
    await after.close();
  });

  it('with a wrong current key, changes nothing', async () => {
    const vault = await vaultWith(oldKey);
    const sealed = await vault.seal('ds-1', 'kept');
    await vault.close();
    await expect(rotateMasterKey({ keys: await backend.open(), oldKey: randomBytes(32), newKey })).rejects.toMatchObject({ code: 'MASTER_KEY_MISMATCH' });
    await expect(rotateMasterKey({ keys: await backend.open(), oldKey, newKey: oldKey })).rejects.toMatchObject({ code: 'MASTER_KEY_INVALID' });
    await expect(rotateMasterKey({ keys: await backend.open(), oldKey, newKey: randomBytes(16) })).rejects.toThrow('A master key must be 32 bytes');
    await expect(rotateMasterKey({ keys: await backend.open(), oldKey: 'k'.repeat(32) as unknown as Buffer, newKey })).rejects.toMatchObject({
      code: 'MASTER_KEY_INVALID',
    });
    const still = await vaultWith(oldKey);
    expect((await still.open(sealed)).toString()).toBe('kept');
    await still.close();
  });
});
