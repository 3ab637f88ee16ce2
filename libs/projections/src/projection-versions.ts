import { tablePrefix, type Projection } from './projection';
import { SqliteProjectionTx } from './projection-tx';
import type { ProjectionStateRow } from './projection-state.table';
import { createTableSql, planVersion } from './projection-version-plan';
import type { ReadStore } from './read-store';

/**
 * Version lifecycle of one projection's tables on the SQLite read store. Every step runs
 * in one transaction, so the state row and the tables it describes never disagree.
 */

function createVersion(readStore: ReadStore, projection: Projection): void {
  for (const def of projection.tables ?? []) {
    for (const sql of createTableSql(projection.name, projection.version, def, 'sqlite')) readStore.db.exec(sql);
  }
  projection.migrate?.(new SqliteProjectionTx(readStore, projection, projection.version));
}

/** Drops every table of one version (their indexes go with them). */
export function dropVersion(readStore: ReadStore, projection: string, version: number): void {
  for (const table of readStore.tablesWithPrefix(tablePrefix(projection, version))) {
    readStore.db.exec(`DROP TABLE "${table}"`);
  }
  readStore.forgetStatements();
}

/** Creates or resumes the code's version of a projection (see planVersion) and returns its state. */
export function prepareVersion(readStore: ReadStore, projection: Projection): ProjectionStateRow {
  return readStore.transaction(() => {
    const row = readStore.state.find(projection.name);
    const plan = planVersion(row, projection);
    if (!plan) return row as ProjectionStateRow;
    for (const version of plan.drop) dropVersion(readStore, projection.name, version);
    if (plan.create) createVersion(readStore, projection);
    readStore.state.save(plan.next);
    return plan.next;
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
