import type { Projection } from './projection';
import type { ProjectionStateRow } from './projection-state.table';
import { activateFedVersion, prepareVersion } from './projection-versions';
import { PgBatchWriter } from './postgres/pg-batch-writer';
import { PgProjectionVersions } from './postgres/pg-projection-versions';
import { PgReadStore } from './postgres/pg-read-store';
import { checkpointsOf } from './read-model-store';
import { ReadStore } from './read-store';
import { type BatchWriter, ReadStoreWriter } from './read-store-writer';

/**
 * Where a runner keeps the read models: what differs between the SQLite read store and
 * PostgreSQL. Folds, feeds and checkpoints work the same over both.
 */
export interface ProjectionBackend {
  /** Creates or resumes the code's version of a projection and returns its state. */
  prepare(projection: Projection): Promise<ProjectionStateRow>;
  /** Switches queries to the rebuilt version and drops the old one. */
  activate(name: string): Promise<ProjectionStateRow>;
  /** The stored state, read synchronously where the store allows it (before the runner starts). */
  peek(name: string): ProjectionStateRow | undefined;
  /** The stored state, from either store. */
  find(name: string): Promise<ProjectionStateRow | undefined>;
  /** The SQLite store for the synchronous path (folds that read their own tables); none on PostgreSQL. */
  readonly sqlite: ReadStore | undefined;
  /** A batch writer, or undefined to apply batches on the SQLite store's own connection. */
  openWriter(writerThread: boolean): BatchWriter | undefined;
}

export function projectionBackend(store: ReadStore | PgReadStore): ProjectionBackend {
  if (store instanceof PgReadStore) {
    const versions = new PgProjectionVersions(store.db);
    return {
      prepare: (projection) => versions.prepare(projection),
      activate: (name) => versions.activate(name),
      peek: () => undefined,
      find: async (name) => (await checkpointsOf(store)).find((row) => row.name === name),
      sqlite: undefined,
      // Folds only record on PostgreSQL: the statements of a batch reach it in one transaction.
      openWriter: () => new PgBatchWriter(store.db),
    };
  }
  const run = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    prepare: (projection) => run(() => prepareVersion(store, projection)),
    activate: (name) => run(() => activateFedVersion(store, name)),
    peek: (name) => store.state.find(name),
    find: (name) => run(() => store.state.find(name)),
    sqlite: store,
    // An in-memory read store has no second connection for a thread to write on.
    openWriter: (writerThread) => (writerThread && !store.db.memory ? new ReadStoreWriter(store.db.name) : undefined),
  };
}
