import type { PoolClient } from 'pg';
import { SchemaTooNewError } from './pg-errors';

/** One versioned step of a component's schema; versions count from 1 without gaps. */
export interface PgMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** Every component's migrations take this one lock, so concurrent start-ups apply each step once. */
const MIGRATION_LOCK = 'vigie:migrations';

/**
 * Brings one component's tables to the newest version this code knows, inside one
 * transaction under a transaction-scoped advisory lock: two processes starting together
 * apply each step once, and a crash half-way leaves the previous version whole.
 */
export async function applyMigrations(client: PoolClient, component: string, migrations: readonly PgMigration[]): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations of ${component} must be numbered 1, 2, … in order`);
  });
  const known = migrations.length;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS vigie_schema (
      component TEXT PRIMARY KEY, version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const found = await client.query<{ version: number }>('SELECT version FROM vigie_schema WHERE component = $1', [component]);
    const current = found.rows[0]?.version ?? 0;
    if (current > known) throw new SchemaTooNewError(component, current, known);
    for (const m of migrations.slice(current)) await client.query(m.sql);
    if (current < known) {
      await client.query(
        `INSERT INTO vigie_schema (component, version) VALUES ($1, $2)
         ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = now()`,
        [component, known],
      );
    }
    await client.query('COMMIT');
    return known;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
