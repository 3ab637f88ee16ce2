import type Database from 'better-sqlite3';

/** Limits kept as statements of their own; a read with another limit binds it (and pays the compile). */
export const LITERAL_LIMITS_KEPT = 8;

/**
 * Statements whose LIMIT is written in the SQL rather than bound. The SQLite that
 * better-sqlite3 builds (with STAT4) plans a LIMIT from its bound value, so binding one
 * expires the statement and every run compiles it again: about 8 µs, twice what finding
 * that a stream is empty costs. Reads use a handful of limits (a page size, the rows of a
 * batch), each prepared once; past `LITERAL_LIMITS_KEPT` of them, the limit is bound.
 *
 * `sql` ends with `LIMIT ?` as its last parameter; the callers pass the other parameters.
 */
export class LimitedStatements {
  private readonly byLimit = new Map<number, Database.Statement>();
  private bound: Database.Statement | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly sql: string,
    private readonly configure: (statement: Database.Statement) => Database.Statement,
  ) {
    if (!/ LIMIT \?$/.test(sql)) throw new Error(`Expected a statement ending with "LIMIT ?": ${sql}`);
  }

  /** The limits that have a statement of their own, in the order first used. */
  get literalLimits(): readonly number[] {
    return [...this.byLimit.keys()];
  }

  /** Rows of the statement with its other parameters, at most `limit` of them. */
  all(limit: number, ...params: unknown[]): unknown[] {
    if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`A limit is a non-negative integer (got ${limit})`);
    const literal = this.byLimit.get(limit) ?? this.keep(limit);
    if (literal !== undefined) return literal.all(...params);
    this.bound ??= this.configure(this.db.prepare(this.sql));
    return this.bound.all(...params, limit);
  }

  private keep(limit: number): Database.Statement | undefined {
    if (this.byLimit.size >= LITERAL_LIMITS_KEPT) return undefined;
    const statement = this.configure(this.db.prepare(`${this.sql.slice(0, -1)}${limit}`));
    this.byLimit.set(limit, statement);
    return statement;
  }
}
