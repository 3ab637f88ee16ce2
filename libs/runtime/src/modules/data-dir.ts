import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VigieConfig } from '../config/vigie-config';

/** A file of the data dir, created owner-only on first use: it holds keys and personal data. */
export function dataFile(config: VigieConfig, name: string): string {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  return path.join(config.dataDir, name);
}
