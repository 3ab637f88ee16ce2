import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CopiedFile {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * The order of the copies is what makes them consistent with one another while the API
 * writes: read models and idempotency records first (whatever they hold, the log copied
 * after them holds too: read models just catch up, a recorded answer has its events),
 * then the log, then the vault (every data key the copied log refers to was stored
 * before its event, so it is in the vault copied after). A dataset purged between the
 * copies of the log and of the vault is simply already purged in the copy.
 */
export const DATABASE_ORDER = ['read.db', 'idempotency.db', 'events.db', 'vault.db'] as const;

const sha256Of = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** SQLite's online backup API: a consistent snapshot of one database, WAL included, while others write. */
export async function backupDatabase(source: string, target: string): Promise<CopiedFile> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  fs.chmodSync(target, 0o600);
  return { file: path.basename(target), bytes: fs.statSync(target).size, sha256: sha256Of(target) };
}

/** A small file (master.key, principals.json) copied as is, private like the original. */
export function copyPrivateFile(source: string, target: string): CopiedFile {
  fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(target, 0o600);
  return { file: path.basename(target), bytes: fs.statSync(target).size, sha256: sha256Of(target) };
}

/** A new, private directory, or an existing empty one: a backup never mixes with another. */
export function prepareBackupDir(dir: string): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
    if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: a backup goes into a new or empty directory`);
    return;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
