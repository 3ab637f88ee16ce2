import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { StoreBusyError } from '../event-store.errors';
import { collect, newEvent, newEvents } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

/** Another process (a worker, a CLI) holding the write lock is seen through a second connection. */
describe('SqliteEventStore when another process holds the write lock past the busy timeout', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let locker: Database.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
    file = path.join(dir, 'events.db');
    store = SqliteEventStore.open({ path: file, busyTimeoutMs: 30 });
    locker = new Database(file);
  });

  afterEach(async () => {
    if (locker.inTransaction) locker.exec('ROLLBACK');
    locker.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects every append of the batch with a retryable StoreBusyError and writes none of them', async () => {
    const first = await store.append('request-1', newEvents(1), 'no-stream');
    locker.exec('BEGIN IMMEDIATE');
    const batch = [
      { streamId: 'request-1', events: newEvents(2), expected: 0n },
      { streamId: 'request-2', events: newEvents(1), expected: 'no-stream' as const },
      { streamId: 'request-3', events: [newEvent('Filed')], expected: 'any' as const },
    ];
    const outcomes = await Promise.allSettled(batch.map((a) => store.append(a.streamId, a.events, a.expected)));
    for (const outcome of outcomes) {
      expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(StoreBusyError);
      expect(outcome).toMatchObject({ reason: { retryable: true } });
    }
    locker.exec('ROLLBACK');
    expect(await store.headPosition()).toBe(first.position);

    // The same appends sent again are written once, each at the revision it expected.
    const retried = await Promise.all(batch.map((a) => store.append(a.streamId, a.events, a.expected)));
    expect(retried.map((r) => r.nextExpectedRevision)).toEqual([2n, 0n, 0n]);
    expect(await collect(store.readAll())).toHaveLength(5);
    expect(await store.verifyChains()).toMatchObject({ ok: true, events: 5 });
  });
});
