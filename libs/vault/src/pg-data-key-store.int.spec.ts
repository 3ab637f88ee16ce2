import { PgDatabase } from '@vigie/postgres';
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

  it('leaves the shared pool open when the store closes: other components still use it', async () => {
    const store = await PgDataKeyStore.open(db);
    await store.close();
    expect(await db.one('SELECT 1 AS one')).toEqual({ one: 1 });
  });
});
