import Database from 'better-sqlite3';

export interface StoredResponse {
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
}

/** How long a key is remembered; API.md: a restart must not forget a key within 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Durable memory of Idempotency-Key answers, in its own SQLite file (WAL, synchronous=FULL). */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string, string]>;
  private readonly putStmt: Database.Statement<[string, string, string, number, string, number]>;
  private readonly expireStmt: Database.Statement<[number]>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      principal_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
      status INTEGER NOT NULL, body TEXT NOT NULL, stored_at_ms INTEGER NOT NULL,
      PRIMARY KEY (principal_id, key))`);
    this.getStmt = this.db.prepare('SELECT request_hash, status, body FROM idempotency WHERE principal_id = ? AND key = ?');
    this.putStmt = this.db.prepare('INSERT OR REPLACE INTO idempotency VALUES (?, ?, ?, ?, ?, ?)');
    this.expireStmt = this.db.prepare('DELETE FROM idempotency WHERE stored_at_ms < ?');
  }

  find(principalId: string, key: string): StoredResponse | undefined {
    const row = this.getStmt.get(principalId, key) as { request_hash: string; status: number; body: string } | undefined;
    return row && { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) };
  }

  save(principalId: string, key: string, response: StoredResponse, nowMs: number): void {
    this.putStmt.run(principalId, key, response.requestHash, response.status, JSON.stringify(response.body ?? null), nowMs);
  }

  expire(nowMs: number): void {
    this.expireStmt.run(nowMs - IDEMPOTENCY_TTL_MS);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
