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

/**
 * The SQLite database that holds every read model and the projection checkpoints.
 * Read models are disposable (rebuilt from the log), hence synchronous=NORMAL: a power
 * cut may lose the last commits, never corrupt them, and the runner re-applies them.
 */
export class ReadStore implements StatementSource {
  readonly state: ProjectionStateTable;
  private readonly statements = new Map<string, Statement>();
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

  /** Dropped tables leave stale statements behind; forget them all after DDL. */
  forgetStatements(): void {
    this.statements.clear();
  }

  get<T>(sql: string, params?: SqlParams): T | undefined {
    return this.statement(sql).get(...bind(params)) as T | undefined;
  }

  all<T>(sql: string, params?: SqlParams): T[] {
    return this.statement(sql).all(...bind(params)) as T[];
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
