import Database from 'better-sqlite3';
import { IDEMPOTENCY_TTL_MS, IdempotencyStore, type KeySlot, type StoredResponse } from './idempotency.store';
import { KeyedMutex } from './keyed-mutex';

const EXPIRY_SWEEP_EVERY_MS = 60_000;

type Row = { request_hash: string; status: number; body: string };

/**
 * The embedded store: its own SQLite file in the data dir (WAL, synchronous=FULL). Only
 * one API process opens a data dir, so serialising a key within this process is enough.
 */
export class SqliteIdempotencyStore extends IdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string, string, number]>;
  private readonly putStmt: Database.Statement<[string, string, string, number, string, number]>;
  private readonly expireStmt: Database.Statement<[number]>;
  private readonly keys = new KeyedMutex();
  private expiredUpToMs = Number.NEGATIVE_INFINITY;

  constructor(file: string) {
    super();
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      principal_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
      status INTEGER NOT NULL, body TEXT NOT NULL, stored_at_ms INTEGER NOT NULL,
      PRIMARY KEY (principal_id, key));
      CREATE INDEX IF NOT EXISTS idempotency_stored_at ON idempotency (stored_at_ms)`);
    this.getStmt = this.db.prepare(
      'SELECT request_hash, status, body FROM idempotency WHERE principal_id = ? AND key = ? AND stored_at_ms >= ?',
    );
    this.putStmt = this.db.prepare('INSERT OR REPLACE INTO idempotency VALUES (?, ?, ?, ?, ?, ?)');
    this.expireStmt = this.db.prepare('DELETE FROM idempotency WHERE stored_at_ms < ?');
  }

  withKey<T>(principalId: string, key: string, nowMs: number, fn: (slot: KeySlot) => Promise<T>): Promise<T> {
    return this.keys.run(`${principalId}\n${key}`, async () => {
      const oldest = nowMs - IDEMPOTENCY_TTL_MS;
      // Expired answers are never read (the SELECT bounds stored_at_ms); deleting them is only
      // housekeeping, done through the index at most once a minute, not as a write per command.
      if (oldest - this.expiredUpToMs >= EXPIRY_SWEEP_EVERY_MS) {
        this.expireStmt.run(oldest);
        this.expiredUpToMs = oldest;
      }
      const row = this.getStmt.get(principalId, key, oldest) as Row | undefined;
      const stored = row && { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) as unknown };
      return fn({
        stored,
        save: async (response: StoredResponse) => {
          this.putStmt.run(principalId, key, response.requestHash, response.status, JSON.stringify(response.body ?? null), nowMs);
        },
      });
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
