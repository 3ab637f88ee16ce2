import type { Statement } from 'better-sqlite3';
import { physicalTableName, type Projection, type ProjectionTx, type SqlParams } from './projection';

/** Where statements come from: the read store caches them per SQL string. */
export interface StatementSource {
  statement(sql: string): Statement;
}

/** Arrays bind positionally, objects by name; better-sqlite3 wants them spread or as one object. */
export function bind(params: SqlParams | undefined): unknown[] {
  if (params === undefined) return [];
  return Array.isArray(params) ? [...params] : [params];
}

/**
 * The facade a fold writes through, bound to one version of one projection.
 * It only runs inside the runner's batch transaction, so it never commits by itself.
 */
export class SqliteProjectionTx implements ProjectionTx {
  private readonly names = new Map<string, string>();
  private readonly declared: ReadonlySet<string> | undefined;

  constructor(
    private readonly source: StatementSource,
    private readonly projection: Projection,
    private readonly version: number,
  ) {
    this.declared = projection.tables ? new Set(projection.tables.map((t) => t.name)) : undefined;
  }

  run(sql: string, params?: SqlParams): void {
    // The hot path of every fold: no copy of the parameters on the way to SQLite.
    const stmt = this.source.statement(sql);
    if (params === undefined) stmt.run();
    else if (Array.isArray(params)) stmt.run(...(params as unknown[]));
    else stmt.run(params);
  }

  get<T>(sql: string, params?: SqlParams): T | undefined {
    return this.source.statement(sql).get(...bind(params)) as T | undefined;
  }

  all<T>(sql: string, params?: SqlParams): T[] {
    return this.source.statement(sql).all(...bind(params)) as T[];
  }

  table(logical: string): string {
    const known = this.names.get(logical);
    if (known) return known;
    // A projection that lists its tables may only touch those; `migrate` ones name their own.
    if (this.declared && !this.declared.has(logical)) {
      throw new Error(`Projection ${this.projection.name} has no table "${logical}"`);
    }
    const name = physicalTableName(this.projection.name, this.version, logical);
    this.names.set(logical, name);
    return name;
  }
}
