import type { PgDatabase } from '@vigie/postgres';
import type { ActiveKeyInfo, DataKeyLookup, DataKeyStore, KeyStatus, WrappedDataKey } from './data-key-store';
import { VAULT_PG_MIGRATIONS } from './pg-data-key-store.migrations';
import { VaultError, VaultIntegrityError } from './vault.errors';

const KEY_CHECK = 'key-check';

interface LookupRow {
  readonly dataset_id: string | null;
  readonly wrapped_key: Buffer | null;
  readonly destroyed: boolean;
}

/**
 * The store shared by every replica (VIGIE_DATABASE_URL): a key sealed on one host opens
 * on all of them, and a purge on one is final on all of them.
 *
 * What a destroy can and cannot erase here: the row is overwritten with zeros, deleted
 * and tombstoned in one transaction, so no query ever returns the key again. But
 * PostgreSQL is MVCC: the UPDATE and DELETE leave dead tuple versions holding the old
 * bytes in the heap until VACUUM prunes them (and pruned space is not guaranteed to be
 * zeroed), and the WAL, its archives, physical replicas and base backups keep the
 * original INSERT until they are recycled. The zeroing is therefore only best effort.
 * What makes the purge real is that a wrapped key is useless without the master key,
 * which never enters the database: an attacker needs both a stale copy of the database
 * and VIGIE_MASTER_KEY. Operators should keep WAL archives and backups of this database
 * no longer than the retention period allows.
 */
export class PgDataKeyStore implements DataKeyStore {
  private closed = false;

  private constructor(private readonly db: PgDatabase) {}

  /** Brings the vault's tables up to date; the pool stays the caller's to close. */
  static async open(db: PgDatabase): Promise<PgDataKeyStore> {
    await db.migrate('vault', VAULT_PG_MIGRATIONS);
    return new PgDataKeyStore(db);
  }

  async put(keyId: string, key: WrappedDataKey & { readonly createdAt?: string }): Promise<void> {
    this.ensureOpen();
    await this.db.query('INSERT INTO vault_data_keys (key_id, dataset_id, wrapped_key, created_at) VALUES ($1, $2, $3, $4)', [
      keyId,
      key.datasetId,
      key.wrappedKey,
      key.createdAt ?? null,
    ]);
  }

  async listActiveCreatedBefore(instant: string, limit: number): Promise<readonly ActiveKeyInfo[]> {
    this.ensureOpen();
    const rows = await this.db.query<{ key_id: string; dataset_id: string; created_at: Date }>(
      'SELECT key_id, dataset_id, created_at FROM vault_data_keys WHERE created_at IS NOT NULL AND created_at < $1::timestamptz ORDER BY created_at, key_id LIMIT $2',
      [instant, limit],
    );
    return rows.map((r) => ({ keyId: r.key_id, datasetId: r.dataset_id, createdAt: new Date(r.created_at).toISOString() }));
  }

  /** One statement, one snapshot: a concurrent destroy is seen whole or not at all. */
  async find(keyId: string): Promise<DataKeyLookup> {
    this.ensureOpen();
    const row = await this.db.one<LookupRow>(
      `SELECT k.dataset_id, k.wrapped_key,
              EXISTS (SELECT 1 FROM vault_destroyed_keys d WHERE d.key_id = $1) AS destroyed
         FROM (SELECT 1) AS one LEFT JOIN vault_data_keys k ON k.key_id = $1`,
      [keyId],
    );
    if (row?.dataset_id != null && row.wrapped_key != null) {
      return { status: 'active', datasetId: row.dataset_id, wrappedKey: row.wrapped_key };
    }
    return { status: row?.destroyed ? 'destroyed' : 'unknown' };
  }

  async status(keyId: string): Promise<KeyStatus> {
    this.ensureOpen();
    const row = await this.db.one<{ status: KeyStatus }>(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM vault_data_keys WHERE key_id = $1) THEN 'active'
                   WHEN EXISTS (SELECT 1 FROM vault_destroyed_keys WHERE key_id = $1) THEN 'destroyed'
                   ELSE 'unknown' END AS status`,
      [keyId],
    );
    return row?.status ?? 'unknown';
  }

  async destroy(keyId: string): Promise<void> {
    this.ensureOpen();
    await this.db.transaction(async (client) => {
      await client.query("UPDATE vault_data_keys SET wrapped_key = decode(repeat('00', length(wrapped_key)), 'hex') WHERE key_id = $1", [
        keyId,
      ]);
      await client.query('DELETE FROM vault_data_keys WHERE key_id = $1', [keyId]);
      await client.query('INSERT INTO vault_destroyed_keys (key_id) VALUES ($1) ON CONFLICT (key_id) DO NOTHING', [keyId]);
    });
  }

  /** A concurrent first insert makes ours a no-op; the re-read then answers the winner's value. */
  async ensureCheckValue(candidate: Buffer): Promise<Buffer> {
    this.ensureOpen();
    await this.db.query('INSERT INTO vault_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [KEY_CHECK, candidate]);
    const row = await this.db.one<{ value: Buffer }>('SELECT value FROM vault_meta WHERE name = $1', [KEY_CHECK]);
    if (row === undefined) throw new VaultIntegrityError('The master-key check value vanished while being created');
    return row.value;
  }

  /**
   * One transaction; the check value's row is locked first, so two rotations run one
   * after the other (the second then finds keys it cannot unwrap and changes nothing),
   * and the keys are locked as read, so no destroy interleaves.
   */
  async rewrapAll(rewrap: (keyId: string, wrappedKey: Buffer) => Buffer, recheck: (stored: Buffer) => Buffer): Promise<{ readonly rewrapped: number }> {
    this.ensureOpen();
    return this.db.transaction(async (client) => {
      const meta = await client.query<{ value: Buffer }>('SELECT value FROM vault_meta WHERE name = $1 FOR UPDATE', [KEY_CHECK]);
      if (meta.rows[0] === undefined) throw new VaultError('VAULT_EMPTY', 'This vault has no master-key check value yet: nothing to rotate');
      const check = recheck(meta.rows[0].value);
      // Sealing inserts new rows: lock them out for the rotation so none escapes it.
      await client.query('LOCK TABLE vault_data_keys IN SHARE ROW EXCLUSIVE MODE');
      const rows = await client.query<{ key_id: string; wrapped_key: Buffer }>('SELECT key_id, wrapped_key FROM vault_data_keys ORDER BY key_id');
      for (const row of rows.rows) {
        await client.query('UPDATE vault_data_keys SET wrapped_key = $1 WHERE key_id = $2', [rewrap(row.key_id, row.wrapped_key), row.key_id]);
      }
      await client.query('UPDATE vault_meta SET value = $1 WHERE name = $2', [check, KEY_CHECK]);
      return { rewrapped: rows.rows.length };
    });
  }

  /** The pool is shared with the other components of the process: its owner closes it. */
  async close(): Promise<void> {
    this.closed = true;
  }

  private ensureOpen(): void {
    if (this.closed) throw new VaultError('VAULT_CLOSED', 'The vault is closed');
  }
}
