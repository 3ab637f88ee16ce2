/**
 * The checkpoint table's statements, in the SQL both read stores understand. Positions
 * are decimal text (a bigint never passes through a lossy number) and are compared as
 * integers, never as text ("9" > "10").
 */
export const PROJECTION_STATE_DDL = `CREATE TABLE IF NOT EXISTS projection_state (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  active_version INTEGER NOT NULL,
  checkpoint TEXT NOT NULL,
  active_checkpoint TEXT NOT NULL
)`;

export const FIND_STATE_SQL = 'SELECT name, version, active_version, checkpoint, active_checkpoint FROM projection_state WHERE name = ?';

export const ALL_STATES_SQL = 'SELECT name, version, active_version, checkpoint, active_checkpoint FROM projection_state ORDER BY name';

/** Params: name, version, active version, checkpoint, active checkpoint. */
export const SAVE_STATE_SQL = `INSERT INTO projection_state (name, version, active_version, checkpoint, active_checkpoint)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (name) DO UPDATE SET version = excluded.version, active_version = excluded.active_version,
    checkpoint = excluded.checkpoint, active_checkpoint = excluded.active_checkpoint`;

/**
 * Params: checkpoint, checkpoint, name, version, checkpoint. While the fed version is the
 * active one both checkpoints move together. Monotonic: a checkpoint at or past the new
 * one is left alone (no row changed), so a batch some other runner already committed is
 * refused rather than applied twice.
 */
export const ADVANCE_STATE_SQL = `UPDATE projection_state SET checkpoint = ?,
  active_checkpoint = CASE WHEN active_version = version THEN ? ELSE active_checkpoint END
  WHERE name = ? AND version = ? AND CAST(checkpoint AS BIGINT) < CAST(? AS BIGINT)`;

export const advanceParams = (name: string, version: number, checkpoint: string): unknown[] => [checkpoint, checkpoint, name, version, checkpoint];

export const notAdvancedMessage = (name: string, version: number, checkpoint: string): string =>
  `Projection ${name} v${version} is no longer the fed version, or its checkpoint is already at ${checkpoint} or past it`;

/** A state row as both stores return it. */
export interface RawStateRow {
  name: string;
  version: number;
  active_version: number;
  checkpoint: string;
  active_checkpoint: string;
}
