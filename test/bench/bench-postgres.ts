import { PgDatabase } from '@vigie/postgres';
import { startEmbeddedPostgres } from '../support/embedded-postgres';

export interface BenchPostgres {
  readonly url: string;
  /** A fresh database on the server, so each measure starts from empty tables. */
  createDatabase(name: string): Promise<PgDatabase>;
  /** Statement totals from pg_stat_statements (when the module loaded), heaviest first. */
  topStatements(db: PgDatabase, limit: number): Promise<StatementStat[]>;
  /** The server's time over every statement of the database: executing, planning, and the count. */
  serverTotals(db: PgDatabase): Promise<{ exec_ms: number; plan_ms: number; calls: number }>;
  stop(): Promise<void>;
}

export interface StatementStat {
  readonly query: string;
  readonly calls: number;
  readonly total_ms: number;
  readonly mean_ms: number;
  readonly plan_ms: number;
}

/**
 * A PostgreSQL of the bench's own: the binaries of the embedded-postgres package, a
 * temporary data dir, a free port, pg_stat_statements preloaded, gone when stopped.
 * Durability stays on (fsync, synchronous_commit) so the figure is a production one.
 */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const server = await startEmbeddedPostgres({
    password: 'vigie-bench',
    flags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'pg_stat_statements.track_planning=on'],
  });
  const base = server.url.replace(/\/postgres$/, '');
  const admin = await PgDatabase.connect({ url: `${base}/postgres`, max: 1 });
  return {
    url: `${base}/postgres`,
    async createDatabase(name) {
      await admin.query(`CREATE DATABASE "${name}"`);
      const db = await PgDatabase.connect({ url: `${base}/${name}`, applicationName: 'vigie-bench' });
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
      await db.query('SELECT pg_stat_statements_reset()').catch(() => undefined);
      return db;
    },
    async topStatements(db, limit) {
      return db
        .query<StatementStat>(
          `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query, calls::int AS calls, round(total_exec_time::numeric, 1)::float8 AS total_ms,
             round(mean_exec_time::numeric, 4)::float8 AS mean_ms,
             round(total_plan_time::numeric, 1)::float8 AS plan_ms
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           ORDER BY total_exec_time + total_plan_time DESC LIMIT $1`,
          [limit],
        )
        .catch(() => []);
    },
    async serverTotals(db) {
      const [row] = await db
        .query<{ exec_ms: number; plan_ms: number; calls: number }>(
          `SELECT round(sum(total_exec_time)::numeric)::float8 AS exec_ms, round(sum(total_plan_time)::numeric)::float8 AS plan_ms,
             sum(calls)::float8 AS calls
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
        .catch(() => []);
      return row ?? { exec_ms: 0, plan_ms: 0, calls: 0 };
    },
    async stop() {
      await admin.close();
      await server.stop();
    },
  };
}
