import type { Database, Statement } from 'better-sqlite3';
import {
  ADVANCE_STATE_SQL,
  advanceParams,
  FIND_STATE_SQL,
  notAdvancedMessage,
  PROJECTION_STATE_DDL,
  type RawStateRow,
  SAVE_STATE_SQL,
} from './projection-state.sql';

/**
 * One row per projection. `version` is the version being fed and `checkpoint` its last
 * applied position; `active_version` is the one queries read and `active_checkpoint`
 * the position its tables reflect. They differ only while a new version rebuilds: the
 * old tables stay frozen (the code that fed them is gone) until the switch.
 * Positions are stored as decimal text: a bigint must never pass through a lossy number.
 */
export interface ProjectionStateRow {
  readonly name: string;
  readonly version: number;
  readonly activeVersion: number;
  readonly checkpoint: bigint;
  readonly activeCheckpoint: bigint;
}

export const toStateRow = (raw: RawStateRow): ProjectionStateRow => ({
  name: raw.name,
  version: Number(raw.version),
  activeVersion: Number(raw.active_version),
  checkpoint: BigInt(raw.checkpoint),
  activeCheckpoint: BigInt(raw.active_checkpoint),
});

export const saveStateParams = (row: ProjectionStateRow): unknown[] => [
  row.name,
  row.version,
  row.activeVersion,
  row.checkpoint.toString(),
  row.activeCheckpoint.toString(),
];

/** The checkpoint table on the SQLite read store's own connection. */
export class ProjectionStateTable {
  private readonly findStmt: Statement;
  private readonly upsertStmt: Statement;
  private readonly checkpointStmt: Statement;

  constructor(db: Database) {
    db.exec(PROJECTION_STATE_DDL);
    this.findStmt = db.prepare(FIND_STATE_SQL);
    this.upsertStmt = db.prepare(SAVE_STATE_SQL);
    this.checkpointStmt = db.prepare(ADVANCE_STATE_SQL);
  }

  find(name: string): ProjectionStateRow | undefined {
    const raw = this.findStmt.get(name) as RawStateRow | undefined;
    return raw && toStateRow(raw);
  }

  save(row: ProjectionStateRow): void {
    this.upsertStmt.run(...saveStateParams(row));
  }

  /** Called inside the batch transaction, so rows and checkpoint commit together. */
  advance(name: string, version: number, checkpoint: bigint): void {
    const result = this.checkpointStmt.run(...advanceParams(name, version, checkpoint.toString()));
    // Another runner moved this projection on (other version, or past this batch): writing on would corrupt it.
    if (result.changes !== 1) throw new Error(notAdvancedMessage(name, version, checkpoint.toString()));
  }
}
