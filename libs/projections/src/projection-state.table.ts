import type { Database, Statement } from 'better-sqlite3';

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

interface RawRow {
  name: string;
  version: number;
  active_version: number;
  checkpoint: string;
  active_checkpoint: string;
}

const toRow = (raw: RawRow): ProjectionStateRow => ({
  name: raw.name,
  version: raw.version,
  activeVersion: raw.active_version,
  checkpoint: BigInt(raw.checkpoint),
  activeCheckpoint: BigInt(raw.active_checkpoint),
});

export class ProjectionStateTable {
  private readonly findStmt: Statement;
  private readonly upsertStmt: Statement;
  private readonly checkpointStmt: Statement;
  private readonly listStmt: Statement;

  constructor(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_state (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      active_version INTEGER NOT NULL,
      checkpoint TEXT NOT NULL,
      active_checkpoint TEXT NOT NULL
    ) STRICT`);
    this.findStmt = db.prepare('SELECT * FROM projection_state WHERE name = ?');
    this.listStmt = db.prepare('SELECT * FROM projection_state ORDER BY name');
    this.upsertStmt = db.prepare(
      `INSERT INTO projection_state (name, version, active_version, checkpoint, active_checkpoint)
       VALUES (@name, @version, @activeVersion, @checkpoint, @activeCheckpoint)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, active_version = excluded.active_version,
         checkpoint = excluded.checkpoint, active_checkpoint = excluded.active_checkpoint`,
    );
    // While the fed version is the active one, both checkpoints move together.
    this.checkpointStmt = db.prepare(
      `UPDATE projection_state SET checkpoint = @checkpoint,
         active_checkpoint = CASE WHEN active_version = version THEN @checkpoint ELSE active_checkpoint END
       WHERE name = @name AND version = @version`,
    );
  }

  find(name: string): ProjectionStateRow | undefined {
    const raw = this.findStmt.get(name) as RawRow | undefined;
    return raw && toRow(raw);
  }

  /** Every projection's row, by name: what a process running no projection reads of the others' progress. */
  list(): ProjectionStateRow[] {
    return (this.listStmt.all() as RawRow[]).map(toRow);
  }

  save(row: ProjectionStateRow): void {
    this.upsertStmt.run({
      ...row,
      checkpoint: row.checkpoint.toString(),
      activeCheckpoint: row.activeCheckpoint.toString(),
    });
  }

  /** Called inside the batch transaction, so rows and checkpoint commit together. */
  advance(name: string, version: number, checkpoint: bigint): void {
    const result = this.checkpointStmt.run({ name, version, checkpoint: checkpoint.toString() });
    // Another runner moved this projection to another version: writing on would corrupt it.
    if (result.changes !== 1) throw new Error(`Projection ${name} v${version} is no longer the fed version`);
  }
}
