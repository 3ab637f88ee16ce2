import { gcmDecrypt, gcmEncrypt, KEY_BYTES, packBox, unpackBox } from './aes-gcm';
import type { DataKeyStore } from './data-key-store';
import { KEY_CHECK_AAD } from './vault';
import { MasterKeyError, MasterKeyMismatchError, VaultIntegrityError } from './vault.errors';

export interface MasterKeyRotation {
  readonly keys: DataKeyStore;
  readonly oldKey: Buffer;
  readonly newKey: Buffer;
}

/**
 * Re-wraps every data key of the store under `newKey`, and the check value with them, in
 * the store's one transaction: afterwards the old master key opens nothing and the new
 * one opens everything. A key the old master key cannot unwrap aborts the whole rotation
 * (nothing changes): a vault half under one key and half under another could not be opened.
 * The data keys themselves, and so every sealed dataset in the log, stay as they are.
 */
export async function rotateMasterKey({ keys, oldKey, newKey }: MasterKeyRotation): Promise<{ readonly rewrapped: number }> {
  for (const key of [oldKey, newKey]) {
    if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new MasterKeyError(`A master key must be ${KEY_BYTES} bytes`);
  }
  if (oldKey.equals(newKey)) throw new MasterKeyError('The new master key is the current one');
  return keys.rewrapAll(
    (keyId, wrapped) => {
      const aad = Buffer.from(keyId, 'utf8');
      const dataKey = gcmDecrypt(oldKey, unpackBox(wrapped), aad);
      if (dataKey === null) throw new VaultIntegrityError(`Data key ${keyId} cannot be unwrapped with the current master key`);
      try {
        return packBox(gcmEncrypt(newKey, dataKey, aad));
      } finally {
        dataKey.fill(0);
      }
    },
    (stored) => {
      const check = gcmDecrypt(oldKey, unpackBox(stored), KEY_CHECK_AAD);
      if (check === null) throw new MasterKeyMismatchError();
      check.fill(0);
      return packBox(gcmEncrypt(newKey, Buffer.alloc(KEY_BYTES), KEY_CHECK_AAD));
    },
  );
}
