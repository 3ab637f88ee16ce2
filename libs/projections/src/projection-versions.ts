import { physicalTableName, tablePrefix, type Projection, type TableDef } from './projection';
import { SqliteProjectionTx } from './projection-tx';
import type { ProjectionStateRow } from './projection-state.table';
import type { ReadStore } from './read-store';

/**
 * Version lifecycle of one projection's tables. Every step runs in one transaction, so
 * the state row and the tables it describes never disagree.
 */

function createTableSql(projection: string, version: number, def: TableDef): string {
  const table = physicalTableName(projection, version, def.name);
  const body = [...def.columns, ...(def.constraints ?? [])].join(', ');
  const indexes = (def.indexes ?? []).map(
    (ix) =>
      `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX "${table}__${ix.name}" ON "${table}" (${ix.columns.join(', ')});`,
  );
  return [`CREATE TABLE "${table}" (${body});`, ...indexes].join('\n');
}

function createVersion(readStore: ReadStore, projection: Projection): void {
  for (const def of projection.tables ?? []) readStore.db.exec(createTableSql(projection.name, projection.version, def));
  projection.migrate?.(new SqliteProjectionTx(readStore, projection, projection.version));
}

/** Drops every table of one version (their indexes go with them). */
export function dropVersion(readStore: ReadStore, projection: string, version: number): void {
  for (const table of readStore.tablesWithPrefix(tablePrefix(projection, version))) {
    readStore.db.exec(`DROP TABLE "${table}"`);
  }
  readStore.forgetStatements();
}

/**
 * Brings the stored state in line with the code's version and returns it:
 * - first run: the version is created and active at once (there is nothing older to serve);
 * - same version: resume from the checkpoint (possibly an unfinished rebuild);
 * - back to the active version: drop the unfinished build, resume the active one;
 * - another version: drop any unfinished build, create the new tables, feed them from 0
 *   while the active version's tables keep answering.
 */
export function prepareVersion(readStore: ReadStore, projection: Projection): ProjectionStateRow {
  return readStore.transaction(() => {
    const { name, version } = projection;
    const row = readStore.state.find(name);
    if (row?.version === version) return row;
    let next: ProjectionStateRow;
    if (!row) {
      dropVersion(readStore, name, version);
      createVersion(readStore, projection);
      next = { name, version, activeVersion: version, checkpoint: 0n, activeCheckpoint: 0n };
    } else {
      if (row.version !== row.activeVersion) dropVersion(readStore, name, row.version);
      if (version === row.activeVersion) {
        next = { ...row, version, checkpoint: row.activeCheckpoint };
      } else {
        dropVersion(readStore, name, version);
        createVersion(readStore, projection);
        next = { ...row, version, checkpoint: 0n };
      }
    }
    readStore.state.save(next);
    return next;
  });
}

/** The rebuilt version has caught up: queries move to it and the old tables go, atomically. */
export function activateFedVersion(readStore: ReadStore, name: string): ProjectionStateRow {
  return readStore.transaction(() => {
    const row = readStore.state.find(name);
    if (!row) throw new Error(`Projection ${name} has no state`);
    if (row.version === row.activeVersion) return row;
    const next = { ...row, activeVersion: row.version, activeCheckpoint: row.checkpoint };
    readStore.state.save(next);
    dropVersion(readStore, name, row.activeVersion);
    return next;
  });
}
