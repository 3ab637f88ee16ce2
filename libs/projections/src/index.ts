export type { IndexDef, Projection, ProjectionTx, SqlParams, TableDef } from './projection';
export { physicalTableName, tablePrefix, validateProjection } from './projection';
export { ReadStore, defaultReadStorePath, type ReadStoreOptions } from './read-store';
export type { ProjectionStateRow } from './projection-state.table';
export type { ReadModelStore } from './read-model-store';
export { SqliteReadStore } from './sqlite-read-store';
export { PgReadStore, READ_MODEL_MIGRATIONS, type PgReadStoreOptions } from './postgres/pg-read-store';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './projection-runner';
export type { ProjectionFailure, ProjectionLogger, ProjectionPhase } from './projection-worker';
export * from './read-models';
