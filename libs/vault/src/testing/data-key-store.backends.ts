import Database from 'better-sqlite3';
import { PgDatabase } from '@vigie/postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema } from '../../../../test/support/postgres';
import type { DataKeyStore } from '../data-key-store';
import { PgDataKeyStore } from '../pg-data-key-store';
import { SqliteDataKeyStore } from '../sqlite-data-key-store';

/** One backing of the data keys for one test: a temp SQLite file, or a fresh PostgreSQL database. */
export interface DataKeyStoreBackend {
  /** A new handle on the same keys, as another process (another replica) would open it. */
  open(): Promise<DataKeyStore>;
  /** A handle on another, empty backing: a vault that never saw these keys. */
  openOther(): Promise<DataKeyStore>;
  /** Replaces a stored wrapped key behind the store's back, as an attacker with write access would. */
  overwriteWrappedKey(keyId: string, bytes: Buffer): Promise<void>;
  /** Whether the key's row is still in its table, read behind the store's back. */
  rowExists(keyId: string): Promise<boolean>;
  /** Closes every handle opened here and removes the backing. */
  dispose(): Promise<void>;
}

export type DataKeyStoreBackendFactory = () => Promise<DataKeyStoreBackend>;

export const sqliteBackend: DataKeyStoreBackendFactory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-'));
  const path = join(dir, 'vault.db');
  const stores: DataKeyStore[] = [];
  const track = (store: DataKeyStore): DataKeyStore => (stores.push(store), store);
  const raw = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(path);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    open: async () => track(SqliteDataKeyStore.open({ path })),
    openOther: async () => track(SqliteDataKeyStore.open({ path: join(dir, 'other.db') })),
    overwriteWrappedKey: async (keyId, bytes) => {
      raw((db) => db.prepare('UPDATE data_keys SET wrapped_key = ? WHERE key_id = ?').run(bytes, keyId));
    },
    rowExists: async (keyId) => raw((db) => db.prepare('SELECT 1 FROM data_keys WHERE key_id = ?').get(keyId) !== undefined),
    dispose: async () => {
      await Promise.allSettled(stores.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A schema per backing, not a database: every test makes one or two, and each mutant repeats them. */
export const postgresBackend: DataKeyStoreBackendFactory = async () => {
  const databases = [await createTestSchema()];
  const pools: PgDatabase[] = [];
  const connect = async (url: string): Promise<PgDatabase> => {
    const db = await PgDatabase.connect({ url, max: 2 });
    pools.push(db);
    return db;
  };
  const admin = await connect(databases[0].url);
  await PgDataKeyStore.open(admin);
  return {
    open: async () => PgDataKeyStore.open(await connect(databases[0].url)),
    openOther: async () => {
      const other = await createTestSchema();
      databases.push(other);
      return PgDataKeyStore.open(await connect(other.url));
    },
    overwriteWrappedKey: async (keyId, bytes) => {
      await admin.query('UPDATE vault_data_keys SET wrapped_key = $1 WHERE key_id = $2', [bytes, keyId]);
    },
    rowExists: async (keyId) => (await admin.one('SELECT 1 FROM vault_data_keys WHERE key_id = $1', [keyId])) !== undefined,
    dispose: async () => {
      await Promise.allSettled(pools.map((p) => p.close()));
      await Promise.all(databases.map((d) => d.drop()));
    },
  };
};

/** Both backends, for `describe.each`: every behaviour of the vault must hold on each. */
export const DATA_KEY_STORE_BACKENDS: readonly [string, DataKeyStoreBackendFactory][] = [
  ['sqlite', sqliteBackend],
  ['postgres', postgresBackend],
];
