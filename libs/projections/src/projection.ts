import type { RecordedEvent } from '@vigie/event-store/event-store.port';

/** Values better-sqlite3 can bind: positional (array) or named (object) parameters. */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/**
 * The only handle a fold gets on its tables: synchronous, inside the batch's transaction.
 * Folds do no other I/O (no clock, no network): everything comes from the event.
 */
export interface ProjectionTx {
  run(sql: string, params?: SqlParams): void;
  get<T>(sql: string, params?: SqlParams): T | undefined;
  all<T>(sql: string, params?: SqlParams): T[];
  /** Physical name of a logical table for the version being fed, e.g. `register_v2__requests`. */
  table(logical: string): string;
}

export interface IndexDef {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique?: boolean;
}

/** A logical table: the runner creates it as `<projection>_v<version>__<name>`. */
export interface TableDef {
  readonly name: string;
  /** Column definitions, e.g. `type TEXT PRIMARY KEY`. */
  readonly columns: readonly string[];
  /** Table constraints, e.g. `PRIMARY KEY (a, b)`. */
  readonly constraints?: readonly string[];
  readonly indexes?: readonly IndexDef[];
}

/**
 * A read model: a pure fold over the event types it handles. Bumping `version`
 * rebuilds it from position zero into new tables while the old ones keep answering.
 * Give `tables`, or `migrate` for DDL the table list cannot say (it runs once per version).
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly handles: readonly string[];
  readonly tables?: readonly TableDef[];
  readonly migrate?: (tx: ProjectionTx) => void;
  apply(event: RecordedEvent, tx: ProjectionTx): void;
}

/**
 * Lower-case words joined by single underscores: the double underscore and the `_v<n>`
 * infix of physical names can then never be produced by two different projections.
 */
const IDENTIFIER = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export function assertIdentifier(kind: string, value: string): void {
  if (!IDENTIFIER.test(value)) {
    throw new Error(`Invalid ${kind} name "${value}": use lower-case words joined by single underscores`);
  }
}

export function validateProjection(projection: Projection): void {
  assertIdentifier('projection', projection.name);
  if (!Number.isSafeInteger(projection.version) || projection.version < 1) {
    throw new Error(`Projection ${projection.name}: version must be a positive integer`);
  }
  if (!projection.tables && !projection.migrate) {
    throw new Error(`Projection ${projection.name}: declare tables or a migrate function`);
  }
  for (const t of projection.tables ?? []) {
    assertIdentifier('table', t.name);
    for (const ix of t.indexes ?? []) assertIdentifier('index', ix.name);
  }
}

/** Prefix shared by every physical table of one version of a projection. */
export function tablePrefix(projection: string, version: number): string {
  return `${projection}_v${version}__`;
}

export function physicalTableName(projection: string, version: number, logical: string): string {
  assertIdentifier('table', logical);
  return `${tablePrefix(projection, version)}${logical}`;
}
