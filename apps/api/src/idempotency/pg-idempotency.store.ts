import type { PgDatabase, PgMigration } from '@vigie/postgres';
import type { PoolClient } from 'pg';
import { IDEMPOTENCY_TTL_MS, IdempotencyStore, type KeySlot, type StoredResponse } from './idempotency.store';
import { KeyedMutex } from './keyed-mutex';
import { Semaphore } from './semaphore';

export const IDEMPOTENCY_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    description: 'idempotency_responses',
    sql: `CREATE TABLE idempotency_responses (
      principal_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
      status INTEGER NOT NULL, body TEXT NOT NULL, stored_at_ms BIGINT NOT NULL,
      PRIMARY KEY (principal_id, key));
      CREATE INDEX idempotency_responses_stored_at ON idempotency_responses (stored_at_ms)`,
  },
];

/**
 * First half of the two-int advisory lock keys taken here: the two-int key space is apart
 * from the one-bigint space (migrations), and this constant keeps it apart from leases.
 */
export const IDEMPOTENCY_LOCK_SPACE = 0x1de0;

export interface PgIdempotencyStoreOptions {
  /**
   * How many keys may hold a connection at once in this process. Each holder keeps one pooled
   * connection for the whole command, and the command may itself need the pool (vault,
   * read models): capping the holders (default: half the pool) leaves it room to finish.
   */
  readonly maxHolders?: number;
  /** The store opened this pool for itself, so closing the store closes it. */
  readonly ownsDatabase?: boolean;
}

type Row = { request_hash: string; status: number; body: string };

/**
 * The shared store (several API replicas). Each `withKey` is one transaction on one
 * connection holding `pg_advisory_xact_lock` on (principal, key): a retry reaching another
 * replica blocks on the lock until the first request committed its answer, then reads and
 * replays it. If the holder dies, its session ends, the lock goes and nothing half-saved
 * remains. Within a process the key is also serialised first, so waiters of one process
 * queue in memory instead of each holding a connection.
 */
export class PgIdempotencyStore extends IdempotencyStore {
  private readonly keys = new KeyedMutex();
  private readonly holders: Semaphore;

  private constructor(
    private readonly database: PgDatabase,
    private readonly options: PgIdempotencyStoreOptions,
  ) {
    super();
    this.holders = new Semaphore(options.maxHolders ?? Math.max(1, Math.floor((database.pool.options.max ?? 10) / 2)));
  }

  static async open(database: PgDatabase, options: PgIdempotencyStoreOptions = {}): Promise<PgIdempotencyStore> {
    await database.migrate('idempotency', IDEMPOTENCY_MIGRATIONS);
    return new PgIdempotencyStore(database, options);
  }

  async withKey<T>(principalId: string, key: string, nowMs: number, fn: (slot: KeySlot) => Promise<T>): Promise<T> {
    const oldest = nowMs - IDEMPOTENCY_TTL_MS;
    await this.expire(oldest);
    const lockKey = `${principalId}\n${key}`;
    return this.keys.run(lockKey, () =>
      this.holders.run(() =>
        this.database.withClient(async (client) => {
          // The connection sits idle while the command runs: a server going away then emits 'error' on a client
          // nobody listens to, which would crash the process. The next query on it fails and reports instead.
          const ignore = (): void => undefined;
          client.on('error', ignore);
          try {
            return await this.holding(client, lockKey, principalId, key, nowMs, fn);
          } finally {
            client.off('error', ignore);
          }
        }),
      ),
    );
  }

  private async holding<T>(
    client: PoolClient,
    lockKey: string,
    principalId: string,
    key: string,
    nowMs: number,
    fn: (slot: KeySlot) => Promise<T>,
  ): Promise<T> {
    await client.query('BEGIN');
    let row: Row | undefined;
    try {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IDEMPOTENCY_LOCK_SPACE, lockKey]);
      const found = await client.query<Row>(
        'SELECT request_hash, status, body FROM idempotency_responses WHERE principal_id = $1 AND key = $2 AND stored_at_ms >= $3',
        [principalId, key, nowMs - IDEMPOTENCY_TTL_MS],
      );
      row = found.rows[0];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const save = async (response: StoredResponse): Promise<void> => {
      await client.query(
        `INSERT INTO idempotency_responses VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (principal_id, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
           body = excluded.body, stored_at_ms = excluded.stored_at_ms`,
        [principalId, key, response.requestHash, response.status, JSON.stringify(response.body ?? null), nowMs],
      );
    };
    const stored = row && { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) as unknown };
    // A refusal that `fn` saved before throwing is an answer too: commit whatever was saved either way.
    const outcome = await fn({ stored, save }).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const commit = await client.query('COMMIT');
    if (!outcome.ok) throw outcome.error;
    // A failed save aborts the transaction, and COMMIT then answers ROLLBACK: never report that as remembered.
    if (commit.command === 'ROLLBACK') throw new Error('The Idempotency-Key answer could not be saved');
    return outcome.value;
  }

  /** Locked rows belong to a key being answered right now: skip them rather than wait for its command. */
  private async expire(oldest: number): Promise<void> {
    await this.database.query(
      `DELETE FROM idempotency_responses WHERE (principal_id, key) IN (
         SELECT principal_id, key FROM idempotency_responses WHERE stored_at_ms < $1 FOR UPDATE SKIP LOCKED)`,
      [oldest],
    );
  }

  /** A pool shared with the other components stays open for them. */
  async close(): Promise<void> {
    if (this.options.ownsDatabase) await this.database.close();
  }
}
