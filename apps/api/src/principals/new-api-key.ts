import { sha256Hex } from '@vigie/runtime';
import { randomBytes } from 'node:crypto';

/** 256 random bits, made at the edge: the caller sees the key once, the log keeps its sha256. */
export const newApiKey = (): { key: string; keySha256: string } => {
  const key = randomBytes(32).toString('base64url');
  return { key, keySha256: sha256Hex(key) };
};
