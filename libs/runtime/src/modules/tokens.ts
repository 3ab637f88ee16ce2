/** The validated `VigieConfig` of this process. */
export const VIGIE_CONFIG = Symbol('VIGIE_CONFIG');
/** The event store every command appends to, already instrumented for the metrics registry. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The `WorkflowDeps` object the use cases take. */
export const WORKFLOW_DEPS = Symbol('WORKFLOW_DEPS');
/** The `ProjectionRunner` of this process, or `null` where it runs no projection (VIGIE_ROLE=api, the cli). */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** The `PgDatabase` pool to VIGIE_DATABASE_URL, or `null` in the embedded topology. */
export const SHARED_DATABASE = Symbol('SHARED_DATABASE');
/** The `ReadModels` of this process (read.db or PostgreSQL), with the store the runner writes. */
export const READ_MODELS = Symbol('READ_MODELS');
/** The async `ReadModelStore` every query reads through. */
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
