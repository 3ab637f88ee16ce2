import { Client } from 'pg';
import { DEFAULT_LEASE_RETRY_MS, PollingLease } from './lease';

/** First half of the two-int advisory lock keys of leases: apart from the idempotency keys and migrations. */
export const LEASE_LOCK_SPACE = 0x1ea5;

export interface PgAdvisoryLeaseOptions {
  /** The shared database (VIGIE_DATABASE_URL). */
  readonly url: string;
  readonly name: string;
  readonly retryMs?: number;
  /** Shown in pg_stat_activity, to see which process holds what. */
  readonly applicationName?: string;
  readonly connectTimeoutMs?: number;
}

/**
 * A lease shared by every process on the database: a session-level advisory lock held on a
 * connection of its own. A pooled connection would not do: the pool could hand it to another
 * task or replace it, and the lock lives exactly as long as its session. When the holder dies,
 * even by SIGKILL, the server ends its session and drops the lock; when this side loses the
 * connection, the lease is reported lost at once and taken again only through a new session.
 */
export class PgAdvisoryLease extends PollingLease {
  private client: Client | undefined;

  constructor(private readonly options: PgAdvisoryLeaseOptions) {
    super(options.name, options.retryMs ?? DEFAULT_LEASE_RETRY_MS);
  }

  protected async tryAcquire(): Promise<boolean> {
    const client = await this.connection();
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LEASE_LOCK_SPACE, this.name]);
    return rows[0]?.ok === true;
  }

  protected async stillHeld(): Promise<boolean> {
    if (!this.client) return false;
    await this.client.query('SELECT 1');
    return true;
  }

  protected async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // Ending the session is what frees the lock; no unlock call that could fail half-way is needed.
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({
      connectionString: this.options.url,
      application_name: this.options.applicationName ?? `vigie-lease-${this.name}`,
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5000,
      keepAlive: true,
    });
    const dropped = (): void => {
      if (this.client !== client) return;
      this.client = undefined;
      this.markLost();
      void client.end().catch(() => undefined);
    };
    client.on('error', dropped);
    client.on('end', dropped);
    try {
      await client.connect();
    } catch (error) {
      client.off('end', dropped);
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }
}
