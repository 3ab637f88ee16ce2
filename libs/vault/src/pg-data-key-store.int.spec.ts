import { PgDatabase } from '@vigie/postgres';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestSchema, type TestDatabase } from '../../../test/support/postgres';
import { PgDataKeyStore } from './pg-data-key-store';
import { describeDataKeyStoreContract } from './testing/data-key-store.contract';
import { postgresBackend } from './testing/data-key-store.backends';

describeDataKeyStoreContract('postgres', postgresBackend);

describe('PgDataKeyStore schema', () => {
  let database: TestDatabase;
  let db: PgDatabase;
  beforeEach(async () => {
    database = await createTestSchema();
    db = await PgDatabase.connect({ url: database.url, max: 2 });
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it('creates its tables once, under the vault component, when replicas start together', async () => {
    const other = await PgDatabase.connect({ url: database.url, max: 2 });
    try {
      await Promise.all([PgDataKeyStore.open(db), PgDataKeyStore.open(other)]);
    } finally {
      await other.close();
    }
    expect(await db.query('SELECT component, version FROM vigie_schema')).toEqual([{ component: 'vault', version: 1 }]);
  });

  it('makes a rotation wait for a seal writing its key, so that key is re-wrapped too', async () => {
    const store = await PgDataKeyStore.open(db);
    await store.ensureCheckValue(Buffer.from('check'));
    const keyId = randomUUID();
    // Another replica sealing: its key is inserted, its transaction not committed yet.
    const sealing = new Client({ connectionString: database.url });
    await sealing.connect();
    try {
      await sealing.query('BEGIN');
      await sealing.query('INSERT INTO vault_data_keys (key_id, dataset_id, wrapped_key) VALUES ($1, $2, $3)', [keyId, 'ds-1', Buffer.from('old')]);
      let done = false;
      const rotation = store.rewrapAll((_, bytes) => Buffer.from(`new-${bytes.toString()}`), (stored) => stored).finally(() => (done = true));
      // Bounded: a rotation that takes no lock finishes instead of waiting, and the spec fails below.
      for (let i = 0; i < 500 && !done; i++) {
        const waiting = await db.one<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'vault_data_keys'::regclass");
        if (waiting !== undefined && waiting.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await sealing.query('COMMIT');
      expect(await rotation).toEqual({ rewrapped: 1 });
    } finally {
      await sealing.end();
    }
    expect(await store.find(keyId)).toMatchObject({ status: 'active', wrappedKey: Buffer.from('new-old') });
  });

  it('leaves the shared pool open when the store closes: other components still use it', async () => {
    const store = await PgDataKeyStore.open(db);
    await store.close();
    expect(await db.one('SELECT 1 AS one')).toEqual({ one: 1 });
  });
});
