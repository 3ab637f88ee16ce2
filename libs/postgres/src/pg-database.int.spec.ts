import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { PgDatabase } from './pg-database';
import { SchemaTooNewError, SharedDatabaseUnavailableError } from './pg-errors';
import type { PgMigration } from './pg-migrations';

const v1: PgMigration = { version: 1, description: 'notes', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY, cents BIGINT NOT NULL)' };
const v2: PgMigration = { version: 2, description: 'notes.text', sql: 'ALTER TABLE notes ADD COLUMN body TEXT' };

describe('PgDatabase on a real PostgreSQL', () => {
  let database: TestDatabase;
  const opened: PgDatabase[] = [];
  const connect = async (): Promise<PgDatabase> => {
    const db = await PgDatabase.connect({ url: database.url, max: 3 });
    opened.push(db);
    return db;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
    await database.drop();
  });

  it('applies each migration once, even when two processes start together', async () => {
    const [a, b] = [await connect(), await connect()];
    await Promise.all([a.migrate('notes', [v1, v2]), b.migrate('notes', [v1, v2])]);
    await a.migrate('notes', [v1, v2]);
    expect(await a.query('SELECT component, version FROM vigie_schema')).toEqual([{ component: 'notes', version: 2 }]);
    await a.query('INSERT INTO notes (id, cents, body) VALUES ($1, $2, $3)', ['n', 12, 'x']);
  });

  it('refuses to start on a schema newer than the code knows', async () => {
    const db = await connect();
    await db.migrate('notes', [v1, v2]);
    await expect(db.migrate('notes', [v1])).rejects.toThrow(SchemaTooNewError);
    await expect(db.migrate('notes', [v1])).rejects.toThrow(/schema version 2, newer than this Vigie knows \(1\)/);
  });

  it('answers BIGINT sums as numbers, as SQLite does', async () => {
    const db = await connect();
    await db.migrate('notes', [v1]);
    await db.query("INSERT INTO notes VALUES ('a', 9007199254740000), ('b', 1)");
    expect(await db.one('SELECT SUM(cents) AS total, COUNT(*) AS n FROM notes')).toEqual({ total: 9007199254740001, n: 2 });
  });

  it('rolls a failed transaction back whole', async () => {
    const db = await connect();
    await db.migrate('notes', [v1]);
    await expect(
      db.transaction(async (c) => {
        await c.query("INSERT INTO notes VALUES ('a', 1)");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('SELECT * FROM notes')).toEqual([]);
  });

  it('reports a server that does not answer as unavailable', async () => {
    await expect(PgDatabase.connect({ url: 'postgres://nobody:x@127.0.0.1:1/none', connectTimeoutMs: 1000 })).rejects.toThrow(
      SharedDatabaseUnavailableError,
    );
  });
});

describe('PgDatabase when the server drops a connection', () => {
  it('reports the statement under way as unavailable and keeps the process and the pool alive', async () => {
    const database = await createTestDatabase();
    const db = await PgDatabase.connect({ url: database.url, max: 2 });
    try {
      const pending = db.withClient(async (client) => {
        const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        await db.query('SELECT pg_terminate_backend($1)', [pid]);
        // Idle while its session ends: the client hears of it through an 'error' event.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await client.query('SELECT 1');
      });
      await expect(pending).rejects.toThrow(SharedDatabaseUnavailableError);
      expect(await db.one('SELECT 1 AS one')).toEqual({ one: 1 });
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
