export type { ActiveKeyInfo, DataKeyLookup, DataKeyStore, KeyStatus, WrappedDataKey } from './data-key-store';
export { loadOrCreateMasterKey, MASTER_KEY_ENV, MASTER_KEY_FILE, type MasterKeyOptions } from './master-key';
export { openDataKeyStore, VAULT_FILE, type DataKeyStoreChoice } from './open-data-key-store';
export { PgDataKeyStore } from './pg-data-key-store';
export { SEALED_ALG, type SealedDataset } from './sealed-dataset';
export { SqliteDataKeyStore, type SqliteDataKeyStoreOptions } from './sqlite-data-key-store';
export { Vault, type VaultOptions } from './vault';
export {
  KeyDestroyedError,
  KeyNotFoundError,
  MasterKeyError,
  MasterKeyMismatchError,
  VaultError,
  VaultIntegrityError,
} from './vault.errors';
export { rotateMasterKey, type MasterKeyRotation } from './master-key-rotation';
