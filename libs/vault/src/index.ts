export { loadOrCreateMasterKey, MASTER_KEY_ENV, MASTER_KEY_FILE, type MasterKeyOptions } from './master-key';
export { SEALED_ALG, type SealedDataset } from './sealed-dataset';
export { Vault, type KeyStatus, type VaultOptions } from './vault';
export {
  KeyDestroyedError,
  KeyNotFoundError,
  MasterKeyError,
  MasterKeyMismatchError,
  VaultError,
  VaultIntegrityError,
} from './vault.errors';
