import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgDatabase } from '@vigie/postgres';
import { createTestDatabase } from '../../../test/support/postgres';
import { PgReadStore } from './postgres/pg-read-store';
import { ReadStore } from './read-store';
import { SqliteReadStore } from './sqlite-read-store';
import { readStoreContract } from './testing/read-store.contract';

describe('read-store contract on sqlite', () => {
  readStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-read-'));
    const sqlite = ReadStore.open({ path: join(dir, 'read.db') });
    const readStore = new SqliteReadStore(sqlite);
    return {
      readStore,
      runnerStore: sqlite,
      close: async () => {
        await readStore.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

describe('read-store contract on postgres', () => {
  readStoreContract(async () => {
    const database = await createTestDatabase();
    const pg = await PgReadStore.open(await PgDatabase.connect({ url: database.url, max: 2 }), { ownsDatabase: true });
    return {
      readStore: pg,
      runnerStore: pg,
      close: async () => {
        await pg.close();
        await database.drop();
      },
    };
  });
});
