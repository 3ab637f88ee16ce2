import { sha256Hex } from '@vigie/runtime';
import * as fs from 'node:fs';
import { TEST_PRINCIPALS } from './test-app';

/** The test principals as a bootstrap principals file (key hashes only), for processes started by a test. */
export function writePrincipalsFile(file: string): void {
  const records = TEST_PRINCIPALS.map(({ key, id, role, ...ids }) => ({ id, role, ...ids, keySha256: sha256Hex(key) }));
  fs.writeFileSync(file, JSON.stringify(records), { mode: 0o600 });
}
