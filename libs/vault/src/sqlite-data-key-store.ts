import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { chmodSync } from 'node:fs';
import type { ActiveKeyInfo, DataKeyLookup, DataKeyStore, KeyStatus, WrappedDataKey } from './data-key-store';
import { prepareSqliteDataKeyDb } from './sqlite-data-key-store.schema';
import { VaultError } from './vault.errors';

export interface SqliteDataKeyStoreOptions {
  /** The SQLite file, e.g. `<VIGIE_DATA_DIR>/vault.db` (or `:memory:`). */
  readonly path: string;
}

const KEY_CHECK = 'key-check';

type StatementName =
  | 'insert' | 'select' | 'exists' | 'listBefore' | 'isDestroyed' | 'zero' | 'remove' | 'tombstone' | 'readMeta' | 'insertMeta'
  | 'listAll' | 'rewrap' | 'updateMeta';

interface PendingPut {
  readonly params: readonly [string, string, Buffer, string | null];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** The single-host store: one private SQLite file next to the event log. */
export class SqliteDataKeyStore implements DataKeyStore {
  private closed = false;
  private readonly stmts: Record<StatementName, Statement>;
  /** Puts waiting for the next turn of the event loop, written then in one transaction. */
  private pending: PendingPut[] = [];
  private readonly insertAll: (batch: readonly PendingPut[]) => unknown[];

  private constructor(private readonly db: Db) {
    this.stmts = {
      insert: db.prepare('INSERT INTO data_keys (key_id, dataset_id, wrapped_key, created_at) VALUES (?, ?, ?, ?)'),
      select: db.prepare('SELECT dataset_id, wrapped_key FROM data_keys WHERE key_id = ?'),
      exists: db.prepare('SELECT 1 FROM data_keys WHERE key_id = ?'),
      listBefore: db.prepare(
        'SELECT key_id, dataset_id, created_at FROM data_keys WHERE created_at IS NOT NULL AND created_at < ? ORDER BY created_at, key_id LIMIT ?',
      ),
      isDestroyed: db.prepare('SELECT 1 FROM destroyed_keys WHERE key_id = ?'),
      zero: db.prepare('UPDATE data_keys SET wrapped_key = zeroblob(length(wrapped_key)) WHERE key_id = ?'),
      remove: db.prepare('DELETE FROM data_keys WHERE key_id = ?'),
      tombstone: db.prepare('INSERT OR IGNORE INTO destroyed_keys (key_id) VALUES (?)'),
      readMeta: db.prepare('SELECT value FROM vault_meta WHERE name = ?'),
      // OR IGNORE: a second process creating the same vault keeps the first check value.
      insertMeta: db.prepare('INSERT OR IGNORE INTO vault_meta (name, value) VALUES (?, ?)'),
      listAll: db.prepare('SELECT key_id, wrapped_key FROM data_keys ORDER BY key_id'),
      rewrap: db.prepare('UPDATE data_keys SET wrapped_key = ? WHERE key_id = ?'),
      updateMeta: db.prepare('UPDATE vault_meta SET value = ? WHERE name = ?'),
    };
    // A failed INSERT undoes itself alone (statement atomicity): the others of the batch commit.
    const insertAll = db.transaction((batch: readonly PendingPut[]): unknown[] =>
      batch.map((p) => {
        try {
          this.stmts.insert.run(...p.params);
          return undefined;
        } catch (error) {
          return error ?? new Error('insert failed');
        }
      }),
    );
    this.insertAll = (batch) => insertAll.immediate(batch);
  }

  static open({ path }: SqliteDataKeyStoreOptions): SqliteDataKeyStore {
    const db = new Database(path);
    try {
      if (path !== ':memory:' && path !== '') chmodSync(path, 0o600);
      prepareSqliteDataKeyDb(db);
      return new SqliteDataKeyStore(db);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /**
   * Resolves once the key is committed (synchronous=FULL). Puts made within one turn of the
   * event loop share one transaction, so concurrent deliveries share one fsync instead of
   * waiting for one each on the main thread.
   */
  async put(keyId: string, key: WrappedDataKey & { readonly createdAt?: string }): Promise<void> {
    this.ensureOpen();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ params: [keyId, key.datasetId, key.wrappedKey, key.createdAt ?? null], resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flushPuts());
    });
  }

  /** Writes the waiting puts; every other access calls it first, so it sees them as before. */
  private flushPuts(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let outcomes: unknown[];
    try {
      outcomes = this.insertAll(batch);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => (outcomes[i] === undefined ? p.resolve() : p.reject(outcomes[i])));
  }

  /** Instants are stored as ISO 8601 UTC strings of one width, so text order is time order. */
  async listActiveCreatedBefore(instant: string, limit: number): Promise<readonly ActiveKeyInfo[]> {
    this.ensureOpen();
    this.flushPuts();
    const rows = this.stmts.listBefore.all(instant, limit) as { key_id: string; dataset_id: string; created_at: string }[];
    return rows.map((r) => ({ keyId: r.key_id, datasetId: r.dataset_id, createdAt: r.created_at }));
  }

  async find(keyId: string): Promise<DataKeyLookup> {
    this.ensureOpen();
    this.flushPuts();
    const row = this.stmts.select.get(keyId) as { dataset_id: string; wrapped_key: Buffer } | undefined;
    if (row !== undefined) return { status: 'active', datasetId: row.dataset_id, wrappedKey: row.wrapped_key };
    return { status: this.isDestroyed(keyId) ? 'destroyed' : 'unknown' };
  }

  async status(keyId: string): Promise<KeyStatus> {
    this.ensureOpen();
    this.flushPuts();
    if (this.stmts.exists.get(keyId) !== undefined) return 'active';
    return this.isDestroyed(keyId) ? 'destroyed' : 'unknown';
  }

  /**
   * The wrapped key is zeroed in place, deleted (secure_delete zeroes the freed cell),
   * then the WAL is checkpointed and truncated so no older page image keeps the bytes.
   * Until that checkpoint succeeds the call throws; calling it again finishes the job.
   */
  async destroy(keyId: string): Promise<void> {
    this.ensureOpen();
    this.flushPuts();
    this.db.transaction(() => {
      this.stmts.zero.run(keyId);
      this.stmts.remove.run(keyId);
      this.stmts.tombstone.run(keyId);
    })();
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result !== undefined && result.busy !== 0) {
      throw new VaultError('VAULT_CHECKPOINT_BUSY', `Key ${keyId} is deleted but the WAL could not be truncated yet; retry destroy`);
    }
  }

  async ensureCheckValue(candidate: Buffer): Promise<Buffer> {
    this.ensureOpen();
    this.flushPuts();
    this.stmts.insertMeta.run(KEY_CHECK, candidate);
    return (this.stmts.readMeta.get(KEY_CHECK) as { value: Buffer }).value;
  }

  /**
   * One IMMEDIATE transaction: it takes the write lock first, so no seal lands between
   * the read of the keys and their update, and a crash before COMMIT leaves the old keys.
   * The WAL is then truncated, as on destroy, so old wrappings do not linger in it.
   */
  async rewrapAll(rewrap: (keyId: string, wrappedKey: Buffer) => Buffer, recheck: (stored: Buffer) => Buffer): Promise<{ readonly rewrapped: number }> {
    this.ensureOpen();
    this.flushPuts();
    const run = this.db.transaction((): number => {
      const stored = this.stmts.readMeta.get(KEY_CHECK) as { value: Buffer } | undefined;
      if (stored === undefined) throw new VaultError('VAULT_EMPTY', 'This vault has no master-key check value yet: nothing to rotate');
      const check = recheck(stored.value);
      const rows = this.stmts.listAll.all() as { key_id: string; wrapped_key: Buffer }[];
      for (const row of rows) this.stmts.rewrap.run(rewrap(row.key_id, row.wrapped_key), row.key_id);
      this.stmts.updateMeta.run(check, KEY_CHECK);
      return rows.length;
    });
    const rewrapped = run.immediate();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return { rewrapped };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flushPuts();
    this.closed = true;
    this.db.close();
  }

  private isDestroyed(keyId: string): boolean {
    return this.stmts.isDestroyed.get(keyId) !== undefined;
  }

  private ensureOpen(): void {
    if (this.closed) throw new VaultError('VAULT_CLOSED', 'The vault is closed');
  }
}
