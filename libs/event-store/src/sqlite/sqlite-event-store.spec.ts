import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { DuplicateEventError, WrongExpectedVersionError } from '../event-store.errors';
import { collect, ids, newEvent, newEvents, take } from '../testing';
import type { CommitInfo } from './group-commit.queue';
import { SqliteEventStore } from './sqlite-event-store';
import { SQLITE_PAGE_SIZE, SQLITE_SCHEMA_VERSION } from './sqlite-schema';

describe('SqliteEventStore (embedded only)', () => {
  let dir: string;
  let file: string;
  let commits: CommitInfo[];
  let store: SqliteEventStore;
  const extra: { close(): unknown }[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
    file = path.join(dir, 'events.db');
    commits = [];
    store = SqliteEventStore.open({ path: file, onCommit: (info) => commits.push(info) });
  });

  afterEach(async () => {
    for (const handle of extra.splice(0)) await handle.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const openSecondConnection = (): Database.Database => {
    const db = new Database(file);
    extra.push(db);
    return db;
  };

  describe('group commit', () => {
    it('writes appends that arrive together in one transaction', async () => {
      const results = await Promise.all(Array.from({ length: 16 }, (_, i) => store.append(`request-${i}`, newEvents(2), 'no-stream')));
      expect(commits).toEqual([{ appends: 16, events: 32 }]);
      expect(new Set(results.map((r) => r.position)).size).toBe(16);
      expect(results.every((r) => r.nextExpectedRevision === 1n)).toBe(true);
    });

    it('evaluates each expectation in queue order; a conflict fails only its own append', async () => {
      const first = newEvent('Filed');
      const second = newEvent('Amended');
      const [a, b, c, d] = await Promise.allSettled([
        store.append('request-1', [first], 'no-stream'),
        store.append('request-1', [second], 0n), // sees the first append of the same batch
        store.append('request-1', newEvents(1), 'no-stream'),
        store.append('request-2', newEvents(1), 'no-stream'),
      ]);
      expect(commits).toHaveLength(1);
      expect(a).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
      expect(b).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
      expect(c.status === 'rejected' && c.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(c).toMatchObject({ reason: { actual: 1n } });
      expect(d.status).toBe('fulfilled');
      expect(ids(await collect(store.readStream('request-1')))).toEqual(ids([first, second]));
    });

    it('an id repeated in the same stream writes nothing and fails alone', async () => {
      const taken = newEvent('Filed');
      await store.append('request-1', [taken], 'no-stream');
      const [dup, ok] = await Promise.allSettled([
        store.append('request-1', [taken], 0n), // the last event again, with a refreshed expectation
        store.append('request-3', newEvents(1), 'no-stream'),
      ]);
      expect(dup.status === 'rejected' && dup.reason).toBeInstanceOf(DuplicateEventError);
      expect(dup).toMatchObject({ reason: { eventId: taken.eventId } });
      expect(ok.status).toBe('fulfilled');
      expect(ids(await collect(store.readStream('request-1')))).toEqual([taken.eventId]);
      await expect(store.append('request-1', [taken, newEvent('X')], 'no-stream')).rejects.toBeInstanceOf(DuplicateEventError);
      const twice = newEvent('Twice');
      await expect(store.append('request-2', [twice, twice], 'no-stream')).rejects.toBeInstanceOf(DuplicateEventError);
      expect(await collect(store.readStream('request-2'))).toEqual([]);
    });

    it('checks ids within the target stream only, as EventStoreDB does', async () => {
      const shared = newEvent('Filed');
      await store.append('request-1', [shared], 'no-stream');
      const elsewhere = await store.append('request-2', [shared], 'no-stream');
      expect(elsewhere.nextExpectedRevision).toBe(0n);
      expect(await store.append('request-2', [shared], 'no-stream')).toEqual({ ...elsewhere, written: false });
      const other = newEvent('Other');
      await expect(store.append('request-1', [other], 'no-stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });

    it('says which appends of one commit wrote and which acknowledged a retry', async () => {
      const batch = newEvents(2);
      const [first, retry, other] = await Promise.all([
        store.append('request-1', batch, 'no-stream'),
        store.append('request-1', batch, 'no-stream'), // the first append of the same commit stored them
        store.append('request-2', newEvents(1), 'no-stream'),
      ]);
      expect(commits).toHaveLength(1);
      expect(first).toEqual({ nextExpectedRevision: 1n, position: retry.position, written: true });
      expect(retry.written).toBe(false);
      expect(other.written).toBe(true);
    });

    it("recognises a retry of several events at the stream's tail under 'any' and 'stream-exists'", async () => {
      await store.append('request-1', newEvents(2), 'no-stream');
      const batch = newEvents(3);
      const first = await store.append('request-1', batch, 1n);
      expect(first.nextExpectedRevision).toBe(4n);
      expect(await store.append('request-1', batch, 'any')).toEqual({ ...first, written: false });
      expect(await store.append('request-1', batch, 'stream-exists')).toEqual({ ...first, written: false });
      // Same first and last ids at the tail, another in between: a partial overlap, not a retry.
      await expect(store.append('request-1', [batch[0], newEvent('Other'), batch[2]], 'any')).rejects.toMatchObject({
        eventId: batch[0].eventId,
      });
      expect(await collect(store.readStream('request-1'))).toHaveLength(5);
    });

    it('refuses, naming it, an append longer than its stream that ends with the last id and repeats it', async () => {
      const [p, q] = newEvents(2);
      await store.append('request-1', [p, q], 'no-stream');
      // Longer than the stream: no retry can start before revision 0, the id repeated is what is wrong.
      await expect(store.append('request-1', [p, q, q], 'any')).rejects.toMatchObject({ eventId: q.eventId });
      expect(ids(await collect(store.readStream('request-1')))).toEqual(ids([p, q]));
    });

    it('flushes queued appends on close', async () => {
      const pending = store.append('request-1', newEvents(3), 'no-stream');
      await store.close();
      await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 2n });
      store = SqliteEventStore.open({ path: file });
      expect(await collect(store.readStream('request-1'))).toHaveLength(3);
    });
  });

  describe('verifyChains', () => {
    beforeEach(async () => {
      await store.append('request-a', newEvents(3), 'no-stream');
      await store.append('request-b', newEvents(3), 'no-stream');
      await store.append('request-a', newEvents(1), 2n);
    });

    it('reports a sound log', async () => {
      expect(await store.verifyChains()).toEqual({ ok: true, streams: 2, events: 7 });
    });

    it('hashes text with escapes and characters beyond ASCII as stored, and finds one of them changed', async () => {
      const data = { note: 'Données "citées"\\ \u0001 \u2028 😀', type: 'é' };
      await store.append('request-text', [newEvent('Noté\u00e9"', data)], 'no-stream');
      expect(await store.verifyChains()).toEqual({ ok: true, streams: 3, events: 8 });
      const db = openSecondConnection();
      const stored = (db.prepare("SELECT data FROM events WHERE stream_id = 'request-text'").get() as { data: string }).data;
      db.prepare("UPDATE events SET data = ? WHERE stream_id = 'request-text'").run(stored.replace('😀', '😁'));
      expect(await store.verifyChains()).toMatchObject({ ok: false, firstBrokenStream: 'request-text' });
    });

    it('finds one edited byte of data', async () => {
      const db = openSecondConnection();
      const row = db.prepare("SELECT position, data FROM events WHERE stream_id = 'request-b' AND revision = 1").get() as {
        position: number;
        data: string;
      };
      const edited = row.data.replace('"i":1', '"i":7');
      expect(edited).not.toBe(row.data);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(edited, row.position);
      expect(await store.verifyChains()).toEqual({ ok: false, streams: 2, events: 7, firstBrokenStream: 'request-b' });
    });

    it('finds one edited byte of metadata or type past the first pages it reads', async () => {
      for (let i = 0; i < 12; i++) await store.append(`request-many-${i}`, newEvents(100), 'no-stream');
      const db = openSecondConnection();
      const at = (db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number }).p - 5;
      const row = db.prepare('SELECT stream_id, metadata, type FROM events WHERE position = ?').get(at) as { stream_id: string; metadata: string; type: string };
      const update = db.prepare('UPDATE events SET metadata = ?, type = ? WHERE position = ?');
      update.run(row.metadata.replace('"role":"agent"', '"role":"agenT"'), row.type, at);
      expect(await store.verifyChains()).toEqual({ ok: false, streams: 14, events: 1207, firstBrokenStream: row.stream_id });
      update.run(row.metadata, `${row.type}x`, at);
      expect(await store.verifyChains()).toMatchObject({ ok: false, firstBrokenStream: row.stream_id });
      update.run(row.metadata, row.type, at);
      expect(await store.verifyChains()).toEqual({ ok: true, streams: 14, events: 1207 });
    });

    it('finds a deleted event in the middle of a stream', async () => {
      openSecondConnection().prepare("DELETE FROM events WHERE stream_id = 'request-a' AND revision = 1").run();
      expect(await store.verifyChains()).toMatchObject({ ok: false, firstBrokenStream: 'request-a', events: 6 });
    });
  });

  it('reads events whose data and metadata are plain own fields: spread, JSON and keys see them, and nothing else', async () => {
    const written = newEvent('Pinged', { n: 1, nested: { a: [1, 2] } });
    await store.append('request-shape', [written], 'no-stream');
    const [read] = await collect(store.readAll());
    const keys = ['streamId', 'revision', 'position', 'eventId', 'type', 'data', 'metadata'];
    expect(Object.keys(read)).toEqual(keys);
    const spread = { ...read };
    expect(Object.keys(spread)).toEqual(keys);
    expect(spread.data).toEqual({ n: 1, nested: { a: [1, 2] } });
    expect(spread.metadata).toEqual({ ...written.metadata, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Object.keys(JSON.parse(JSON.stringify({ ...read, revision: 0, position: 1 })) as object)).toEqual(keys);
    expect(read.data).toBe(read.data); // parsed once
  });

  it('pages through reads and filtered subscriptions larger than one page', async () => {
    const events = Array.from({ length: 2500 }, (_, i) => newEvent(i % 5 === 0 ? 'Rare' : 'Common', { i }));
    for (let i = 0; i < 5; i++) await store.append('request-big', events.slice(i * 500, (i + 1) * 500), i === 0 ? 'no-stream' : BigInt(i * 500 - 1));
    expect(ids(await collect(store.readAll()))).toEqual(ids(events));
    const fromRevision = await collect(store.readStream('request-big', { fromRevision: 999n }));
    expect(fromRevision.map((e) => e.revision)).toEqual(Array.from({ length: 1501 }, (_, i) => BigInt(i + 999)));
    expect(await collect(store.readAll({ after: 10n, maxCount: 1500 }))).toHaveLength(1500);
    const rare = events.filter((e) => e.type === 'Rare');
    const subscription = store.subscribe({ filter: { eventTypes: ['Rare'] } });
    expect(ids(await take(subscription, rare.length))).toEqual(ids(rare));
    const live = newEvent('Rare');
    const next = take(subscription, 1);
    await store.append('request-big', [newEvent('Common'), live], 2499n);
    expect(ids(await next)).toEqual([live.eventId]);
    await subscription.close();
  });

  it('answers an append of no event with where the stream stands, writing nothing', async () => {
    const { nextExpectedRevision, position } = await store.append('request-1', newEvents(3), 'no-stream');
    expect(await store.append('request-1', [], 'any')).toEqual({ nextExpectedRevision, position });
    expect(await store.append('request-1', [], 2n)).toEqual({ nextExpectedRevision, position });
    expect(await store.append('request-2', [], 'any')).toEqual({ nextExpectedRevision: -1n, position: 0n });
    expect(await collect(store.readAll())).toHaveLength(3);
  });

  it('reads by event type alone, and by prefixes whose streams interleave, in log order across pages', async () => {
    const expected: string[] = [];
    const revisions = new Map<string, bigint>();
    // Two streams under one prefix, written in turns: their positions interleave past one page.
    for (let i = 0; i < 24; i++) {
      const stream = i % 2 === 0 ? 'request-a' : 'request-b';
      const events = Array.from({ length: 50 }, (_, j) => newEvent(j % 10 === 0 ? 'Rare' : 'Common', { i, j }));
      const r = await store.append(stream, events, revisions.get(stream) ?? 'no-stream');
      revisions.set(stream, r.nextExpectedRevision);
      expected.push(...ids(events));
    }
    expect(ids(await collect(store.readAll({ filter: { streamPrefixes: ['request-'] } })))).toEqual(expected);
    const rare = await collect(store.readAll({ filter: { eventTypes: ['Rare'] } }));
    expect(rare).toHaveLength(120);
    expect(rare.every((e) => e.type === 'Rare')).toBe(true);
  });

  it('a subscription starting after a position beyond the head skips up to it', async () => {
    const head = await store.headPosition();
    const subscription = store.subscribe({ after: head + 5n });
    // Waiting already: its first read found the log shorter than where it starts.
    const received = take(subscription, 2);
    const events = newEvents(7);
    await store.append('request-1', events, 'no-stream');
    expect(ids(await received)).toEqual(ids(events.slice(5)));
    await subscription.close();
  });

  it('a closed subscription yields nothing more, even with events left to read', async () => {
    await store.append('request-1', newEvents(3), 'no-stream');
    const subscription = store.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await iterator.next()).toMatchObject({ done: false });
    await subscription.close();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('a subscription sees an append made by another instance on the same file', async () => {
    const subscription = store.subscribe({ after: await store.headPosition() });
    const other = SqliteEventStore.open({ path: file, pollIntervalMs: 10 });
    extra.push(other);
    const event = newEvent('FromCli');
    const received = take(subscription, 1);
    await other.append('request-cli', [event], 'no-stream');
    expect(ids(await received)).toEqual([event.eventId]);
    await subscription.close();
  });

  it('closing the store ends its subscriptions', async () => {
    const subscription = store.subscribe({ after: await store.headPosition() });
    const pending = subscription[Symbol.asyncIterator]().next();
    await store.close();
    await expect(pending).resolves.toMatchObject({ done: true });
    expect(() => store.subscribe()).toThrow('closed');
  });

  it('creates its schema once, in WAL mode, with its page size and a schema version', async () => {
    await store.append('request-1', newEvents(1), 'no-stream');
    await store.close();
    store = SqliteEventStore.open({ path: file });
    expect(await collect(store.readAll())).toHaveLength(1);
    const db = openSecondConnection();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(SQLITE_PAGE_SIZE);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe(String(SQLITE_SCHEMA_VERSION));
  });
});
