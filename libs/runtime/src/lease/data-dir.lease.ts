import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_LEASE_RETRY_MS, PollingLease } from './lease';

export interface DataDirLeaseOptions {
  readonly dataDir: string;
  readonly name: string;
  readonly retryMs?: number;
}

/**
 * The embedded-mode lease: processes sharing one data dir on one host. The lock must be one
 * the operating system drops when its process dies, even by SIGKILL, and Node has no flock of
 * its own; SQLite's locks are such OS locks (POSIX advisory locks on the file, per process, also
 * told apart between connections of one process). So the lease is `BEGIN EXCLUSIVE` on
 * `<dataDir>/lease-<name>.lock`, kept open while held; busy_timeout 0, so a busy file answers at
 * once and the loop tries again at its next turn. A lock file or pid file would outlive a killed
 * holder and need staleness guesses.
 */
export class DataDirLease extends PollingLease {
  private db: Database.Database | undefined;
  readonly file: string;

  constructor(options: DataDirLeaseOptions) {
    super(options.name, options.retryMs ?? DEFAULT_LEASE_RETRY_MS);
    this.file = path.join(options.dataDir, `lease-${options.name}.lock`);
  }

  protected async tryAcquire(): Promise<boolean> {
    const db = this.open();
    try {
      db.exec('BEGIN EXCLUSIVE');
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    }
  }

  protected async stillHeld(): Promise<boolean> {
    return this.db?.inTransaction === true;
  }

  protected async release(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (!db?.open) return;
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }

  private open(): Database.Database {
    if (this.db) return this.db;
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const db = new Database(this.file);
    db.pragma('busy_timeout = 0');
    this.db = db;
    return db;
  }
}
