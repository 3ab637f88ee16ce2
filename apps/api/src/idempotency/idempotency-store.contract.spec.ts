import { PgDatabase } from '@vigie/postgres';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestSchema, type TestDatabase } from '../../../../test/support/postgres';
import { IDEMPOTENCY_TTL_MS, type IdempotencyStore, type KeySlot, type StoredResponse } from './idempotency.store';
import { openIdempotencyStore } from './open-idempotency-store';
import { PgIdempotencyStore } from './pg-idempotency.store';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

interface Backend {
  readonly name: string;
  setUp(): Promise<IdempotencyStore>;
  tearDown(): Promise<void>;
}

const sqlite = (): Backend => {
  let dataDir = '';
  let store: IdempotencyStore | undefined;
  return {
    name: 'SQLite (data dir)',
    setUp: async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-idem-'));
      store = await openIdempotencyStore({ dataDir });
      expect(store).toBeInstanceOf(SqliteIdempotencyStore);
      return store;
    },
    tearDown: async () => {
      await store?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

const postgres = (): Backend => {
  let database: TestDatabase;
  let pool: PgDatabase;
  return {
    name: 'PostgreSQL',
    setUp: async () => {
      database = await createTestSchema();
      pool = await PgDatabase.connect({ url: database.url, max: 4 });
      const store = await openIdempotencyStore({ dataDir: '/nonexistent', database: pool });
      expect(store).toBeInstanceOf(PgIdempotencyStore);
      return store;
    },
    tearDown: async () => {
      await pool.close();
      await database.drop();
    },
  };
};

/** VIGIE_DATABASE_URL without a shared pool: the store opens a pool of its own. */
const postgresByUrl = (): Backend => {
  let database: TestDatabase;
  let store: IdempotencyStore | undefined;
  return {
    name: 'PostgreSQL (own pool from the URL)',
    setUp: async () => {
      database = await createTestSchema();
      store = await openIdempotencyStore({ dataDir: '/nonexistent', databaseUrl: database.url });
      expect(store).toBeInstanceOf(PgIdempotencyStore);
      return store;
    },
    tearDown: async () => {
      await store?.close();
      await database.drop();
    },
  };
};

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const answer = (requestHash: string, status = 201): StoredResponse => ({ requestHash, status, body: { id: requestHash, n: [1, 2] } });

/** A promise the test resolves by hand: a request that is "still running". */
const gate = (): { opened: Promise<void>; open(): void } => {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe.each([sqlite(), postgres(), postgresByUrl()])('IdempotencyStore contract: $name', (backend) => {
  let store: IdempotencyStore;
  beforeEach(async () => {
    store = await backend.setUp();
  });
  afterEach(async () => backend.tearDown());

  const peek = (principal: string, key: string, nowMs = T0): Promise<StoredResponse | undefined> =>
    store.withKey(principal, key, nowMs, async ({ stored }) => stored);

  it('finds nothing for a new key, then the saved answer', async () => {
    expect(await peek('p1', 'k')).toBeUndefined();
    await store.withKey('p1', 'k', T0, ({ save }) => save(answer('h1')));
    expect(await peek('p1', 'k')).toEqual(answer('h1'));
  });

  it('saves an answer without a body as null', async () => {
    await store.withKey('p1', 'k', T0, ({ save }) => save({ requestHash: 'h1', status: 204, body: undefined }));
    expect(await peek('p1', 'k')).toEqual({ requestHash: 'h1', status: 204, body: null });
  });

  it('replaces the answer of a key saved again by its holder', async () => {
    await store.withKey('p1', 'k', T0, async ({ save }) => {
      await save(answer('h1'));
      await save(answer('h2', 200));
    });
    expect(await peek('p1', 'k')).toEqual(answer('h2', 200));
  });

  it('remembers a key for 24 hours, and not longer', async () => {
    await store.withKey('p1', 'k', T0, ({ save }) => save(answer('h1')));
    expect(await peek('p1', 'k', T0 + IDEMPOTENCY_TTL_MS - 1)).toEqual(answer('h1'));
    expect(await peek('p1', 'k', T0 + IDEMPOTENCY_TTL_MS + 1)).toBeUndefined();
  });

  it('keeps keys apart per principal', async () => {
    await store.withKey('p1', 'shared', T0, ({ save }) => save(answer('h1')));
    expect(await peek('p2', 'shared')).toBeUndefined();
    expect(await peek('p1', 'shared')).toEqual(answer('h1'));
  });

  it('keeps an answer saved before the holder threw (a refusal is an answer too)', async () => {
    const refused = answer('h-refused', 422);
    await expect(
      store.withKey('p1', 'k', T0, async ({ save }) => {
        await save(refused);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await peek('p1', 'k')).toEqual(refused);
  });

  it('releases a key whose holder threw without saving', async () => {
    await expect(store.withKey('p1', 'k', T0, async () => Promise.reject(new Error('5xx')))).rejects.toThrow('5xx');
    expect(await peek('p1', 'k')).toBeUndefined();
  });

  it('serialises two holders of one key: the second sees the answer the first saved', async () => {
    const first = gate();
    let firstEntered!: () => void;
    const entered = new Promise<void>((resolve) => (firstEntered = resolve));
    const seen: string[] = [];
    const a = store.withKey('p1', 'k', T0, async ({ stored, save }: KeySlot) => {
      seen.push(`a:${stored?.requestHash ?? 'none'}`);
      firstEntered();
      await first.opened;
      await save(answer('from-a'));
    });
    await entered;
    const b = store.withKey('p1', 'k', T0, async ({ stored }) => {
      seen.push(`b:${stored?.requestHash ?? 'none'}`);
      return stored;
    });
    first.open();
    await a;
    expect(await b).toEqual(answer('from-a'));
    expect(seen).toEqual(['a:none', 'b:from-a']);
  });

  it('does not make another key wait for a held one', async () => {
    const first = gate();
    let firstEntered!: () => void;
    const entered = new Promise<void>((resolve) => (firstEntered = resolve));
    const a = store.withKey('p1', 'slow', T0, async ({ save }) => {
      firstEntered();
      await first.opened;
      await save(answer('slow'));
    });
    await entered;
    // Would never settle if 'other' waited for 'slow', whose gate opens only afterwards.
    await store.withKey('p1', 'other', T0, ({ save }) => save(answer('other')));
    expect(await peek('p2', 'slow')).toBeUndefined();
    first.open();
    await a;
    expect(await peek('p1', 'other')).toEqual(answer('other'));
  });
});

describe('PgIdempotencyStore when the database refuses a save', () => {
  let database: TestDatabase;
  let pool: PgDatabase;
  beforeEach(async () => {
    database = await createTestSchema();
    pool = await PgDatabase.connect({ url: database.url, max: 2 });
  });
  afterEach(async () => {
    await pool.close();
    await database.drop();
  });

  it('fails the holder that went on after a failed save: an answer not saved is never reported as remembered', async () => {
    const store = await PgIdempotencyStore.open(pool);
    // A status out of the INTEGER range: the INSERT fails and aborts the transaction.
    const outcome = store.withKey('p1', 'k', T0, async ({ save }) => {
      await save(answer('h1', 2 ** 40)).catch(() => undefined);
      return 'answered';
    });
    await expect(outcome).rejects.toThrow('The Idempotency-Key answer could not be saved');
    expect(await store.withKey('p1', 'k', T0, async ({ stored }) => stored)).toBeUndefined();
  });
});

describe('openIdempotencyStore with a database URL', () => {
  let database: TestDatabase;
  beforeEach(async () => void (database = await createTestSchema()));
  afterEach(() => database.drop());

  it('closes the pool it opened when the store closes', async () => {
    const store = await openIdempotencyStore({ dataDir: '/nonexistent', databaseUrl: database.url });
    await store.withKey('p1', 'k', T0, ({ save }) => save(answer('h1')));
    const observer = await PgDatabase.connect({ url: database.url, max: 1 });
    try {
      const sessions = () => observer.one<{ n: number }>("SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE application_name = 'vigie-api-idempotency'");
      expect((await sessions())?.n).toBeGreaterThan(0);
      await store.close();
      // A backend leaves pg_stat_activity shortly after its client hung up: wait for it, within a generous bound.
      for (let tries = 0; (await sessions())?.n !== 0; tries += 1) {
        if (tries > 200) throw new Error('the pool of the store is still connected');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await observer.close();
    }
  });
});
