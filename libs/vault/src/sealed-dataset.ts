import type { GcmBox } from './aes-gcm';
import { VaultIntegrityError } from './vault.errors';

export const SEALED_ALG = 'AES-256-GCM';

/**
 * What `DataDelivered` carries instead of the records: plain JSON (base64 strings) so
 * it fits in an event. Without the data key held by the vault it is unreadable.
 */
export interface SealedDataset {
  readonly datasetId: string;
  readonly keyId: string;
  readonly alg: typeof SEALED_ALG;
  readonly iv: string;
  readonly ciphertext: string;
  readonly authTag: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks a sealed dataset read back from an event before any key is touched. */
export const decodeSealed = (sealed: SealedDataset): GcmBox => {
  const fields = [sealed?.datasetId, sealed?.keyId, sealed?.iv, sealed?.ciphertext, sealed?.authTag];
  if (!fields.every((f) => typeof f === 'string') || sealed.datasetId === '' || sealed.keyId === '') {
    throw new VaultIntegrityError('Malformed sealed dataset');
  }
  if (sealed.alg !== SEALED_ALG) throw new VaultIntegrityError(`Unsupported algorithm ${String(sealed.alg)}`);
  if (![sealed.iv, sealed.ciphertext, sealed.authTag].every((f) => BASE64.test(f) && f.length % 4 === 0)) {
    throw new VaultIntegrityError('Malformed base64 in sealed dataset');
  }
  return {
    iv: Buffer.from(sealed.iv, 'base64'),
    ciphertext: Buffer.from(sealed.ciphertext, 'base64'),
    authTag: Buffer.from(sealed.authTag, 'base64'),
  };
};
