/**
 * Typed errors of the vault, each with a stable `code`. Only `KeyDestroyedError` is a
 * normal outcome (the data was purged: 410 `DATA_PURGED` at the API); the others mean a
 * misconfiguration or tampering and must surface as internal errors, never with detail.
 */
export class VaultError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The data key was destroyed by a purge (crypto-shredding): the data is gone for everyone. */
export class KeyDestroyedError extends VaultError {
  constructor(readonly keyId: string) {
    super('DATA_PURGED', `Data key ${keyId} was destroyed: the dataset was purged`);
  }
}

/** No such data key was ever stored in this vault (wrong vault file or lost key). */
export class KeyNotFoundError extends VaultError {
  constructor(readonly keyId: string) {
    super('KEY_NOT_FOUND', `Data key ${keyId} is unknown to this vault`);
  }
}

/** Authentication failed: tampered ciphertext, tag, IV or wrapped key, or a swapped id. */
export class VaultIntegrityError extends VaultError {
  constructor(message: string) {
    super('VAULT_INTEGRITY', message);
  }
}

/** The master key given does not match the one this vault file was created with. */
export class MasterKeyMismatchError extends VaultError {
  constructor() {
    super('MASTER_KEY_MISMATCH', 'The master key (VIGIE_MASTER_KEY or master.key) does not match this vault');
  }
}

/** The master key source is unusable: bad format or unsafe file permissions. */
export class MasterKeyError extends VaultError {
  constructor(message: string) {
    super('MASTER_KEY_INVALID', message);
  }
}
