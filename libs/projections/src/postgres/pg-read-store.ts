import type { PgDatabase, PgMigration } from '@vigie/postgres';
import type { QueryResultRow } from 'pg';
import { activeTableOf, checkpointsOf, type ReadModelStore } from '../read-model-store';
import type { ProjectionStateRow } from '../projection-state.table';
import { PROJECTION_STATE_DDL } from '../projection-state.sql';
import { pgValues, toPgStatement } from './pg-placeholders';

/**
 * The fixed part of the read-model schema. The projections' own tables are disposable
 * and versioned by each projection: the runner creates and drops them.
 */
export const READ_MODEL_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, description: 'projection checkpoints', sql: PROJECTION_STATE_DDL },
];

export interface PgReadStoreOptions {
  /** Close the database with the store (default false: the process shares one pool). */
  readonly ownsDatabase?: boolean;
}

/**
 * The read models in the shared PostgreSQL: every api replica reads the rows and
 * checkpoints the worker commits, so read-your-writes holds on any replica.
 */
export class PgReadStore implements ReadModelStore {
  readonly dialect = 'postgres';
  private closed = false;

  private constructor(
    readonly db: PgDatabase,
    private readonly ownsDatabase: boolean,
  ) {}

  static async open(db: PgDatabase, options: PgReadStoreOptions = {}): Promise<PgReadStore> {
    await db.migrate('read-models', READ_MODEL_MIGRATIONS);
    return new PgReadStore(db, options.ownsDatabase ?? false);
  }

  async get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    const statement = toPgStatement(sql);
    return (await this.db.query<QueryResultRow>(statement.text, pgValues(statement, params))) as T[];
  }

  activeTable(projection: string, logical: string): Promise<string | undefined> {
    return activeTableOf(this, projection, logical);
  }

  checkpoints(): Promise<ProjectionStateRow[]> {
    return checkpointsOf(this);
  }

  get isOpen(): boolean {
    return !this.closed && this.db.isOpen;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsDatabase) await this.db.close();
  }
}
