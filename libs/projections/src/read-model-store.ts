import { physicalTableName } from './projection';
import { toStateRow, type ProjectionStateRow } from './projection-state.table';
import { ALL_STATES_SQL, FIND_STATE_SQL, type RawStateRow } from './projection-state.sql';

/**
 * What queries, the runtime and the reports read the read models through, whichever
 * database holds them: the SQLite `read.db` of one host, or the PostgreSQL every replica
 * shares. SQL is the subset both understand, with `?` parameters.
 */
export interface ReadModelStore {
  readonly dialect: 'sqlite' | 'postgres';
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * The physical table queries must read now: the active version's, which during a
   * rebuild is still the old one. Undefined for a projection that never ran.
   */
  activeTable(projection: string, logical: string): Promise<string | undefined>;
  /** Every projection's state row, by name. */
  checkpoints(): Promise<ProjectionStateRow[]>;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

/** The parts of a store the shared implementations need: rows in, rows out. */
export interface RowSource {
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export async function activeTableOf(source: RowSource, projection: string, logical: string): Promise<string | undefined> {
  return (await activeTablesOf(source, projection, [logical]))?.[logical];
}

/** Several tables of one projection from one read of its state (all of them, or none when it never ran). */
export async function activeTablesOf<L extends string>(source: RowSource, projection: string, logicals: readonly L[]): Promise<Record<L, string> | undefined> {
  const raw = await source.get<RawStateRow>(FIND_STATE_SQL, [projection]);
  if (!raw) return undefined;
  const version = Number(raw.active_version);
  return Object.fromEntries(logicals.map((logical) => [logical, physicalTableName(projection, version, logical)])) as Record<L, string>;
}

export async function checkpointsOf(source: RowSource): Promise<ProjectionStateRow[]> {
  return (await source.all<RawStateRow>(ALL_STATES_SQL)).map(toStateRow);
}
