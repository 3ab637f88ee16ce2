import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

/** AES-256-GCM with a random 96-bit IV (NIST SP 800-38D) and a full 128-bit tag. */
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const ALG = 'aes-256-gcm';

export interface GcmBox {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly authTag: Buffer;
}

/** A fresh buffer of random bytes, never a slice of Node's shared pool, so it can be wiped alone. */
export const randomKey = (): Buffer => randomFillSync(Buffer.alloc(KEY_BYTES));

export const gcmEncrypt = (key: Buffer, plaintext: Buffer, aad: Buffer): GcmBox => {
  const iv = randomFillSync(Buffer.alloc(IV_BYTES));
  const cipher = createCipheriv(ALG, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, authTag: cipher.getAuthTag() };
};

/** Returns null when authentication fails, so callers choose the error to raise. */
export const gcmDecrypt = (key: Buffer, box: GcmBox, aad: Buffer): Buffer | null => {
  if (box.iv.length !== IV_BYTES || box.authTag.length !== TAG_BYTES) return null;
  const decipher = createDecipheriv(ALG, key, box.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(box.authTag);
  const head = decipher.update(box.ciphertext);
  try {
    const tail = decipher.final();
    const out = Buffer.concat([head, tail]);
    head.fill(0);
    tail.fill(0);
    return out;
  } catch {
    head.fill(0);
    return null;
  }
};

/** A wrapped key is stored as one blob: iv ‖ tag ‖ ciphertext. */
export const packBox = (box: GcmBox): Buffer => Buffer.concat([box.iv, box.authTag, box.ciphertext]);

export const unpackBox = (blob: Buffer): GcmBox => ({
  iv: blob.subarray(0, IV_BYTES),
  authTag: blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
  ciphertext: blob.subarray(IV_BYTES + TAG_BYTES),
});
