import type { PgDatabase } from '@vigie/postgres';
import type { PoolClient } from 'pg';
import { tablePrefix, type Projection } from '../projection';
import { saveStateParams, toStateRow, type ProjectionStateRow } from '../projection-state.table';
import { FIND_STATE_SQL, type RawStateRow, SAVE_STATE_SQL } from '../projection-state.sql';
import { createTableSql, planVersion } from '../projection-version-plan';
import { RecordingTx, SqlIds } from '../recording-tx';
import { pgValues, toPgStatement } from './pg-placeholders';

/** Serialises version changes of every runner on the database: two workers must not both create a version. */
const VERSION_LOCK = "SELECT pg_advisory_xact_lock(hashtext('vigie.read-models.versions'))";

const run = async (client: PoolClient, sql: string, params?: readonly unknown[]): Promise<RawStateRow[]> => {
  const statement = toPgStatement(sql);
  return (await client.query<RawStateRow>(statement.text, pgValues(statement, params))).rows;
};

const find = async (client: PoolClient, name: string): Promise<ProjectionStateRow | undefined> => {
  const [raw] = await run(client, `${FIND_STATE_SQL} FOR UPDATE`, [name]);
  return raw && toStateRow(raw);
};

async function dropVersion(client: PoolClient, projection: string, version: number): Promise<void> {
  const prefix = tablePrefix(projection, version);
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND substr(table_name, 1, $1) = $2 ORDER BY table_name`,
    [prefix.length, prefix],
  );
  for (const { name } of tables.rows) await client.query(`DROP TABLE "${name}"`);
}

async function createVersion(client: PoolClient, projection: Projection): Promise<void> {
  for (const def of projection.tables ?? []) {
    for (const sql of createTableSql(projection.name, projection.version, def, 'postgres')) await client.query(sql);
  }
  if (!projection.migrate) return;
  // A migrate function writes through the synchronous facade: record its DDL, then run it.
  const ids = new SqlIds();
  const recorder = new RecordingTx(projection, ids);
  recorder.begin(0n);
  projection.migrate(recorder);
  const part = recorder.end();
  const texts = ids.takeFresh();
  let at = 0;
  for (let i = 0; i < part.sql.length; i++) {
    const n = part.counts[i];
    const params = n < 0 ? (part.values[at++] as Record<string, unknown>) : part.values.slice(at, (at += n));
    await run(client, texts[part.sql[i]], params as readonly unknown[]);
  }
}

/** The version lifecycle (see planVersion) on PostgreSQL, each step in one transaction with its state row. */
export class PgProjectionVersions {
  constructor(private readonly db: PgDatabase) {}

  prepare(projection: Projection): Promise<ProjectionStateRow> {
    return this.db.transaction(async (client) => {
      await client.query(VERSION_LOCK);
      const row = await find(client, projection.name);
      const plan = planVersion(row, projection);
      if (!plan) return row as ProjectionStateRow;
      for (const version of plan.drop) await dropVersion(client, projection.name, version);
      if (plan.create) await createVersion(client, projection);
      await run(client, SAVE_STATE_SQL, saveStateParams(plan.next));
      return plan.next;
    });
  }

  activate(name: string): Promise<ProjectionStateRow> {
    return this.db.transaction(async (client) => {
      await client.query(VERSION_LOCK);
      const row = await find(client, name);
      if (!row) throw new Error(`Projection ${name} has no state`);
      if (row.version === row.activeVersion) return row;
      const next = { ...row, activeVersion: row.version, activeCheckpoint: row.checkpoint };
      await run(client, SAVE_STATE_SQL, saveStateParams(next));
      await dropVersion(client, name, row.activeVersion);
      return next;
    });
  }
}
