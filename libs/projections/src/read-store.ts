import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database, { type Database as SqliteDatabase, type Statement } from 'better-sqlite3';
import { physicalTableName, type SqlParams } from './projection';
import { bind, type StatementSource } from './projection-tx';
import { ProjectionStateTable } from './projection-state.table';

export interface ReadStoreOptions {
  /** A file path, or `:memory:` for replays. Default: `$VIGIE_DATA_DIR/read.db`. */
  readonly path?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** `$VIGIE_DATA_DIR/read.db`, with `./data` when the variable is unset. */
export function defaultReadStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.VIGIE_DATA_DIR ?? 'data', 'read.db');
}

/** Queries kept prepared, the oldest dropped first: the API's reads, with their filters and page sizes. */
export const READERS_KEPT = 256;

interface RowReader {
  readonly statement: Statement;
  readonly toRow: (values: unknown[]) => Record<string, unknown>;
}

/** An object literal per row, one shape for every row of the query (see `ReadStore.reader`). */
function rowBuilder(names: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  // `__proto__` in a literal would set the prototype, not a key: built the generic way then.
  if (names.includes('__proto__')) {
    return (values) => {
      const row: Record<string, unknown> = {};
      names.forEach((name, i) => Object.defineProperty(row, name, { value: values[i], enumerable: true, writable: true, configurable: true }));
      return row;
    };
  }
  // Built from column names quoted by JSON.stringify: they are keys, never code.
  return new Function('v', `return { ${names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ')} };`) as (values: unknown[]) => Record<string, unknown>;
}

/**
 * The SQLite database that holds every read model and the projection checkpoints.
 * Read models are disposable (rebuilt from the log), hence synchronous=NORMAL: a power
 * cut may lose the last commits, never corrupt them, and the runner re-applies them.
 */
export class ReadStore implements StatementSource {
  readonly state: ProjectionStateTable;
  private readonly statements = new Map<string, Statement>();
  private readonly readers = new Map<string, RowReader>();
  private closed = false;

  private constructor(readonly db: SqliteDatabase) {
    this.state = new ProjectionStateTable(db);
  }

  static open(options: ReadStoreOptions = {}): ReadStore {
    const path = options.path ?? defaultReadStorePath(options.env);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // A rebuild touches every page of the read models: 64 MiB of cache keeps them out of
    // the OS round trip; the savepoint journals of a batch stay in memory.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    return new ReadStore(db);
  }

  /** Prepared once per SQL string: folds run the same few statements millions of times. */
  statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Queries prepared for `get` and `all`, at most READERS_KEPT. */
  get preparedReaders(): number {
    return this.readers.size;
  }

  /** Dropped tables leave stale statements behind; forget them all after DDL. */
  forgetStatements(): void {
    this.statements.clear();
    this.readers.clear();
  }

  get<T>(sql: string, params?: SqlParams): T | undefined {
    const reader = this.reader(sql);
    const row = reader.statement.get(...bind(params)) as unknown[] | undefined;
    return row === undefined ? undefined : (reader.toRow(row) as T);
  }

  all<T>(sql: string, params?: SqlParams): T[] {
    const reader = this.reader(sql);
    return (reader.statement.all(...bind(params)) as unknown[][]).map(reader.toRow) as T[];
  }

  /**
   * A query's rows as objects, built from raw arrays by a function made for its columns:
   * better-sqlite3 sets each column on a fresh object one by one, which cost a page of the
   * register (101 rows of 19 columns) twice what the query itself costs. Same objects,
   * same keys in the same order (a repeated name keeps its last value, as there).
   */
  private reader(sql: string): RowReader {
    let reader = this.readers.get(sql);
    if (!reader) {
      // Its own statement: raw mode is per statement, and `statement()` serves the folds.
      const statement = this.db.prepare(sql);
      reader = { statement: statement.raw(true), toRow: rowBuilder(statement.columns().map((c) => c.name)) };
      // Pages write their size in the SQL (see keysetTail): many sizes must not grow the cache without end.
      if (this.readers.size >= READERS_KEPT) this.readers.delete(this.readers.keys().next().value as string);
      this.readers.set(sql, reader);
    }
    return reader;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * The physical table queries must read now: the active version's, which during a
   * rebuild is still the old one. Throws for a projection that never ran.
   */
  activeTable(projection: string, logical: string): string {
    const row = this.state.find(projection);
    if (!row) throw new Error(`Projection ${projection} has no read model yet`);
    return physicalTableName(projection, row.activeVersion, logical);
  }

  /** Physical tables whose names start with a prefix (all tables of one projection version). */
  tablesWithPrefix(prefix: string): string[] {
    return this.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ? ORDER BY name",
      [prefix.length, prefix],
    ).map((r) => r.name);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }
}
