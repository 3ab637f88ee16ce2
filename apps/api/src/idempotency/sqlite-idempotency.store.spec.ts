import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IDEMPOTENCY_TTL_MS } from './idempotency.store';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const MINUTE = 60_000;

describe('SqliteIdempotencyStore housekeeping', () => {
  let dir: string;
  let store: SqliteIdempotencyStore;
  const file = (): string => path.join(dir, 'idempotency.db');
  const keysOnDisk = (): string[] => {
    const db = new Database(file(), { readonly: true });
    try {
      return (db.prepare('SELECT key FROM idempotency ORDER BY key').all() as { key: string }[]).map((r) => r.key);
    } finally {
      db.close();
    }
  };
  const save = (key: string, nowMs: number): Promise<void> =>
    store.withKey('p1', key, nowMs, ({ save: put }) => put({ requestHash: 'h', status: 201, body: { key } }));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-idem-'));
    store = new SqliteIdempotencyStore(file());
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('deletes expired answers through the stored_at index, at most once a minute', async () => {
    await save('old', T0);
    await save('recent', T0 + IDEMPOTENCY_TTL_MS);
    // 'old' has expired here, but the last sweep ran under a minute ago: it stays on disk, unread.
    await save('later', T0 + IDEMPOTENCY_TTL_MS + 30_000);
    expect(keysOnDisk()).toEqual(['later', 'old', 'recent']);
    await save('last', T0 + IDEMPOTENCY_TTL_MS + MINUTE + 1);
    expect(keysOnDisk()).toEqual(['last', 'later', 'recent']);
    const db = new Database(file(), { readonly: true });
    try {
      const plan = db.prepare('EXPLAIN QUERY PLAN DELETE FROM idempotency WHERE stored_at_ms < ?').all(T0) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('idempotency_stored_at');
    } finally {
      db.close();
    }
  });
});
