import { activeTableOf, checkpointsOf, type ReadModelStore } from './read-model-store';
import type { ProjectionStateRow } from './projection-state.table';
import type { ReadStore } from './read-store';

/**
 * The read-model port over the SQLite read store. Answers are computed at once (SQLite
 * is in-process and synchronous); only their delivery is a promise.
 */
export class SqliteReadStore implements ReadModelStore {
  readonly dialect = 'sqlite';

  constructor(readonly sqlite: ReadStore) {}

  get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return attempt(() => this.sqlite.get<T>(sql, params));
  }

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return attempt(() => this.sqlite.all<T>(sql, params));
  }

  activeTable(projection: string, logical: string): Promise<string | undefined> {
    return activeTableOf(this, projection, logical);
  }

  checkpoints(): Promise<ProjectionStateRow[]> {
    return checkpointsOf(this);
  }

  get isOpen(): boolean {
    return this.sqlite.isOpen;
  }

  async close(): Promise<void> {
    this.sqlite.close();
  }
}

function attempt<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error);
  }
}
