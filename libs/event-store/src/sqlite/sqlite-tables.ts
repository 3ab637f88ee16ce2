/** Table definitions, shared by the opening code, the migrations and the benchmark's baseline. */

/**
 * The events table. `event_id` has no index of its own: ids are random-looking UUIDs, and
 * a global unique index on them scatters writes over the whole index on every commit
 * (100-event batches ran 1.6× slower with it). A retry is recognised within its target stream through
 * the (stream_id, revision) index instead, as EventStoreDB does.
 */
export const EVENTS_TABLE_DDL = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  hash      TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
`;

export const META_DDL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
