import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../canonical-json';
import { chainHashFromCanonical, GENESIS_HASH } from '../hash-chain';
import { collect, newEvents } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';
import { SQLITE_SCHEMA_VERSION } from './sqlite-schema';

/** The layout written by schema version 1, with its global unique index on event_id. */
const V1_SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (
  position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
  hash TEXT NOT NULL, UNIQUE (stream_id, revision)
);
INSERT INTO meta (key, value) VALUES ('schema_version', '1');
`;

describe('SqliteEventStore schema migrations', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
    file = path.join(dir, 'events.db');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Two chained events of 'request-1', then a deleted third one: the counter is at 3. */
  function writeVersion1File(): void {
    const db = new Database(file);
    db.exec(V1_SCHEMA);
    const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let previous = GENESIS_HASH;
    newEvents(3).forEach((e, revision) => {
      const [data, metadata] = [canonicalJson(e.data), canonicalJson(e.metadata)];
      previous = chainHashFromCanonical(previous, e.type, data, metadata);
      insert.run(revision === 2 ? 'request-gone' : 'request-1', revision === 2 ? 0 : revision, e.eventId, e.type, data, metadata, previous);
    });
    db.exec("DELETE FROM events WHERE stream_id = 'request-gone'");
    db.close();
  }

  it('drops the unique index on event_id of a version 1 file and keeps its events and positions', async () => {
    writeVersion1File();
    const store = SqliteEventStore.open({ path: file });
    try {
      const before = await collect(store.readAll());
      expect(before.map((e) => [e.streamId, e.revision, e.position])).toEqual([
        ['request-1', 0n, 1n],
        ['request-1', 1n, 2n],
      ]);
      expect(await store.verifyChains()).toEqual({ ok: true, streams: 1, events: 2 });
      const next = await store.append('request-1', [newEvents(1)[0]], 1n);
      expect(next).toEqual({ nextExpectedRevision: 2n, position: 4n, written: true }); // 3 was handed out before
      expect(await store.verifyChains()).toMatchObject({ ok: true, events: 3 });
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      const indexes = db.prepare("SELECT name FROM pragma_index_list('events') WHERE \"unique\" = 1").pluck().all();
      expect(indexes).toHaveLength(1);
      // The rebuilt table replaces the old one: no copy of the events is left beside it.
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['events', 'meta', 'sqlite_sequence']);
      expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe(String(SQLITE_SCHEMA_VERSION));
    } finally {
      db.close();
    }
  });

  it('migrates a version 1 file that never held an event, whose first append then takes position 1', async () => {
    const db = new Database(file);
    db.exec(V1_SCHEMA);
    db.close();
    const store = SqliteEventStore.open({ path: file });
    try {
      expect(await store.append('request-1', newEvents(1), 'no-stream')).toEqual({ nextExpectedRevision: 0n, position: 1n, written: true });
    } finally {
      await store.close();
    }
  });

  it('refuses a file written by a newer build', () => {
    const db = new Database(file);
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema_version', '99');");
    db.close();
    expect(() => SqliteEventStore.open({ path: file })).toThrow('newer than this build');
  });
});
