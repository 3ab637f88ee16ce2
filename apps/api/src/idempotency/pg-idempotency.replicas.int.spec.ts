import { PgDatabase } from '@vigie/postgres';
import { createTestSchema, type TestDatabase } from '../../../../test/support/postgres';
import type { StoredResponse } from './idempotency.store';
import { PgIdempotencyStore } from './pg-idempotency.store';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const answer = (requestHash: string): StoredResponse => ({ requestHash, status: 201, body: { operatorId: requestHash } });

/** Two API replicas: two pools (two sets of sessions) on one database, each with its own store. */
describe('PgIdempotencyStore shared by two replicas', () => {
  let database: TestDatabase;
  let poolA: PgDatabase;
  let poolB: PgDatabase;
  let a: PgIdempotencyStore;
  let b: PgIdempotencyStore;

  beforeEach(async () => {
    database = await createTestSchema();
    poolA = await PgDatabase.connect({ url: database.url, max: 4, applicationName: 'replica-a' });
    poolB = await PgDatabase.connect({ url: database.url, max: 4, applicationName: 'replica-b' });
    [a, b] = await Promise.all([PgIdempotencyStore.open(poolA), PgIdempotencyStore.open(poolB)]);
  });
  afterEach(async () => {
    await Promise.all([poolA.close(), poolB.close()]);
    await database.drop();
  });

  it('replays on B the answer given by A', async () => {
    await a.withKey('p1', 'k', NOW, ({ save }) => save(answer('body-1')));
    expect(await b.withKey('p1', 'k', NOW, async ({ stored }) => stored)).toEqual(answer('body-1'));
  });

  it('shows B the first body hash, so another body with that key is told apart (409)', async () => {
    await a.withKey('p1', 'k', NOW, ({ save }) => save(answer('body-1')));
    const reused = await b.withKey('p1', 'k', NOW, async ({ stored }) => stored !== undefined && stored.requestHash !== 'body-2');
    expect(reused).toBe(true);
  });

  it('executes a key once when retries race on A and on B', async () => {
    let executions = 0;
    const attempt = (store: PgIdempotencyStore) =>
      store.withKey('p1', 'burst', NOW, async ({ stored, save }) => {
        if (stored) return stored.body;
        executions += 1;
        // Yields to the event loop while "executing", so the other replica's attempts really overlap.
        await new Promise((resolve) => setImmediate(resolve));
        const body = { execution: executions };
        await save({ requestHash: 'h', status: 201, body });
        return body;
      });
    const answers = await Promise.all([a, b, a, b, a, b, a, b].map(attempt));
    expect(executions).toBe(1);
    expect(answers).toEqual(Array(8).fill({ execution: 1 }));
  });

  it('lets B go on when the replica holding the key dies mid-command, with nothing half-saved', async () => {
    let entered!: () => void;
    const holding = new Promise<void>((resolve) => (entered = resolve));
    let finishA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => (finishA = resolve));
    const onA = a.withKey('p1', 'k', NOW, async ({ save }) => {
      entered();
      await aMayFinish;
      await save(answer('from-a'));
    });
    await holding;
    const onB = b.withKey('p1', 'k', NOW, async ({ stored, save }) => {
      await save(answer('from-b'));
      return stored;
    });
    // Replica A's sessions end as they do when its process is killed: the server drops their locks.
    await poolB.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'replica-a'");
    expect(await onB).toBeUndefined();
    finishA();
    await expect(onA).rejects.toThrow();
    expect(await a.withKey('p1', 'k', NOW, async ({ stored }) => stored)).toEqual(answer('from-b'));
  });
});
