import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { isUnavailable, translatePgError } from './pg-errors';
import { applyMigrations, type PgMigration } from './pg-migrations';
import { vigieTypes } from './pg-types';

export interface PgDatabaseOptions {
  /** `postgres://user:password@host:port/database` (VIGIE_DATABASE_URL). */
  readonly url: string;
  /** Pool size (default 10). */
  readonly max?: number;
  /** Shown in pg_stat_activity, to tell the api replicas from the workers. */
  readonly applicationName?: string;
  /** How long a query may wait for a free connection or a new one (default 5000 ms). */
  readonly connectTimeoutMs?: number;
}

/**
 * One pool to the shared database of a process. Every component (vault, idempotency, read
 * models, leases) owns its tables and migrations and borrows connections from here; a
 * lost connection surfaces as SharedDatabaseUnavailableError (503), never as a crash.
 */
export class PgDatabase {
  private closed = false;

  private constructor(readonly pool: Pool) {}

  static async connect(options: PgDatabaseOptions): Promise<PgDatabase> {
    const pool = new Pool({
      connectionString: options.url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'vigie',
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      types: vigieTypes,
    });
    // An idle client losing its server must not crash the process: the next query reports it.
    pool.on('error', () => undefined);
    const db = new PgDatabase(pool);
    try {
      await db.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return db;
  }

  async query<T extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      return (await this.pool.query<T>(sql, params as unknown[])).rows;
    } catch (error) {
      return translatePgError(error);
    }
  }

  async one<T extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.query<T>(sql, params))[0];
  }

  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** One connection for several statements (a session-level lock, LISTEN, a cursor). */
  async withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      return translatePgError(error);
    }
    let broken: unknown;
    // A checked-out client whose server goes away emits 'error' on itself, not on the pool:
    // unheard, that would crash the process; the statement under way rejects anyway.
    const onError = (error: unknown): void => {
      broken ??= error;
    };
    client.on('error', onError);
    try {
      return await fn(client);
    } catch (error) {
      broken ??= error;
      return translatePgError(error);
    } finally {
      client.off('error', onError);
      // A connection that failed mid-way is not handed to the next caller.
      client.release(broken instanceof Error && isUnavailable(broken) ? broken : undefined);
    }
  }

  /** Applies a component's migrations (versioned, idempotent, under a lock); see applyMigrations. */
  async migrate(component: string, migrations: readonly PgMigration[]): Promise<void> {
    await this.withClient((client) => applyMigrations(client, component, migrations));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
