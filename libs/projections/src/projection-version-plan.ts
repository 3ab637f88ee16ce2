import { physicalTableName, type Projection, type TableDef } from './projection';
import type { ProjectionStateRow } from './projection-state.table';

export type SqlDialect = 'sqlite' | 'postgres';

/** What preparing a version does to the stored state: drop, create, then save `next`. */
export interface VersionPlan {
  /** Versions whose tables go first (an unfinished build, or leftovers of the one created). */
  readonly drop: readonly number[];
  readonly create: boolean;
  readonly next: ProjectionStateRow;
}

/**
 * Brings the stored state in line with the code's version; undefined when it already is:
 * - first run: the version is created and active at once (there is nothing older to serve);
 * - same version: resume from the checkpoint (possibly an unfinished rebuild);
 * - back to the active version: drop the unfinished build, resume the active one;
 * - another version: drop any unfinished build, create the new tables, feed them from 0
 *   while the active version's tables keep answering.
 */
export function planVersion(row: ProjectionStateRow | undefined, projection: Projection): VersionPlan | undefined {
  const { name, version } = projection;
  if (row?.version === version) return undefined;
  if (!row) {
    return { drop: [version], create: true, next: { name, version, activeVersion: version, checkpoint: 0n, activeCheckpoint: 0n } };
  }
  const drop = row.version !== row.activeVersion ? [row.version] : [];
  if (version === row.activeVersion) return { drop, create: false, next: { ...row, version, checkpoint: row.activeCheckpoint } };
  return { drop: [...drop, version], create: true, next: { ...row, version, checkpoint: 0n } };
}

/**
 * One logical table's DDL. On PostgreSQL text columns compare byte-wise (COLLATE "C")
 * like SQLite's BINARY: instants and ids are ordered and compared as text, and a
 * locale's collation would reorder them.
 */
export function createTableSql(projection: string, version: number, def: TableDef, dialect: SqlDialect): string[] {
  const table = physicalTableName(projection, version, def.name);
  const columns = dialect === 'postgres' ? def.columns.map((c) => c.replace(/^(\w+ TEXT)\b/, '$1 COLLATE "C"')) : def.columns;
  const body = [...columns, ...(def.constraints ?? [])].join(', ');
  const indexes = (def.indexes ?? []).map(
    (ix) => `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX "${table}__${ix.name}" ON "${table}" (${ix.columns.join(', ')})`,
  );
  return [`CREATE TABLE "${table}" (${body})`, ...indexes];
}
