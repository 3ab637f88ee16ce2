export { PgDatabase, type PgDatabaseOptions } from './pg-database';
export { applyMigrations, type PgMigration } from './pg-migrations';
export { isUnavailable, SchemaTooNewError, SharedDatabaseUnavailableError, translatePgError } from './pg-errors';
