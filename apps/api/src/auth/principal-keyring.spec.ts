import { SqliteEventStore, type EventStore, type EventToAppend, type RecordedEvent, type SubscribeOptions, type Subscription } from '@vigie/event-store';
import { sha256Hex, type Principal } from '@vigie/runtime';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { ReadingEventStore } from '../../../../test/support/reading-event-store';
import { tempDir } from '../../../../test/support/test-app';
import { PrincipalKeyring } from './principal-keyring';

const AT = '2026-03-02T09:00:00.000Z';
const hash = (key: string): string => sha256Hex(key);
const event = (type: string, data: Record<string, unknown>): EventToAppend => ({ eventId: randomUUID(), type, data, metadata: {} });
const enrolled = (principalId: string, role: string, key: string, ids: Record<string, string> = {}): EventToAppend =>
  event('PrincipalEnrolled', { principalId, role, label: `${role} ${principalId}`, keySha256: hash(key), enrolledAt: AT, ...ids });
const rotated = (principalId: string, key: string): EventToAppend => event('PrincipalKeyRotated', { principalId, keySha256: hash(key), rotatedAt: AT });
const revoked = (principalId: string): EventToAppend => event('PrincipalRevoked', { principalId, reason: 'left', revokedAt: AT });

/** Whether a promise has settled once what is already queued has run: a settled reach() needs no timer. */
const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('PrincipalKeyring (the keys the log enrolled, followed live)', () => {
  let store: SqliteEventStore;
  const keyrings: PrincipalKeyring[] = [];
  const file = new Map<string, Principal>([[hash('file-admin-key'), { id: 'p-file-admin', role: 'admin' }]]);

  const start = async (over: EventStore = store, directory: ReadonlyMap<string, Principal> = file): Promise<PrincipalKeyring> => {
    const keyring = new PrincipalKeyring(directory, over);
    keyrings.push(keyring);
    await keyring.onModuleInit();
    return keyring;
  };
  const append = async (streamId: string, ...events: EventToAppend[]): Promise<bigint> => (await store.append(streamId, events, 'any')).position;

  beforeEach(() => {
    store = SqliteEventStore.open({ path: path.join(tempDir(), 'events.db') });
  });
  afterEach(async () => {
    for (const keyring of keyrings.splice(0)) await keyring.onModuleDestroy();
    await store.close();
  });

  it('answers at start the keys enrolled before it, each principal with its own id and no other', async () => {
    await append('principal-p-admin', enrolled('p-admin', 'admin', 'admin-key'));
    await append('principal-p-agent', enrolled('p-agent', 'agent', 'agent-key', { agentId: 'a-1' }));
    await append('principal-p-operator', enrolled('p-operator', 'operator', 'operator-key', { operatorId: 'o-1' }));
    const keyring = await start();
    expect(keyring.get(hash('admin-key'))).toStrictEqual({ id: 'p-admin', role: 'admin' });
    expect(keyring.get(hash('agent-key'))).toStrictEqual({ id: 'p-agent', role: 'agent', agentId: 'a-1' });
    expect(keyring.get(hash('operator-key'))).toStrictEqual({ id: 'p-operator', role: 'operator', operatorId: 'o-1' });
    expect(keyring.get(hash('unknown-key'))).toBeUndefined();
  });

  it("answers the bootstrap file's principal first for its key, and the log's for the others", async () => {
    await append('principal-p-logged', enrolled('p-logged', 'auditor', 'logged-key'));
    await append('principal-p-twin', enrolled('p-twin', 'auditor', 'file-admin-key'));
    const keyring = await start();
    expect(keyring.get(hash('file-admin-key'))).toStrictEqual({ id: 'p-file-admin', role: 'admin' });
    expect(keyring.get(hash('logged-key'))).toStrictEqual({ id: 'p-logged', role: 'auditor' });
  });

  it('follows an enrolment, a key rotation and a revocation made after start, without a restart', async () => {
    const keyring = await start();
    await keyring.reach(await append('principal-p-late', enrolled('p-late', 'agent', 'first-key', { agentId: 'a-2' })));
    expect(keyring.get(hash('first-key'))).toStrictEqual({ id: 'p-late', role: 'agent', agentId: 'a-2' });

    await keyring.reach(await append('principal-p-late', rotated('p-late', 'second-key')));
    expect(keyring.get(hash('first-key'))).toBeUndefined();
    expect(keyring.get(hash('second-key'))).toStrictEqual({ id: 'p-late', role: 'agent', agentId: 'a-2' });

    await keyring.reach(await append('principal-p-late', revoked('p-late')));
    expect(keyring.get(hash('second-key'))).toBeUndefined();
  });

  it('refuses at start a key revoked or rotated away before it', async () => {
    await append('principal-p-gone', enrolled('p-gone', 'operator', 'gone-key', { operatorId: 'o-2' }), revoked('p-gone'));
    await append('principal-p-moved', enrolled('p-moved', 'auditor', 'old-key'), rotated('p-moved', 'new-key'));
    const keyring = await start();
    expect(keyring.get(hash('gone-key'))).toBeUndefined();
    expect(keyring.get(hash('old-key'))).toBeUndefined();
    expect(keyring.get(hash('new-key'))).toStrictEqual({ id: 'p-moved', role: 'auditor' });
  });

  it('has reached, once started, the head of the log even past the last principal event, and no further', async () => {
    const enrolment = await append('principal-p-admin', enrolled('p-admin', 'admin', 'admin-key'));
    const head = await append('request-r-1', event('SomethingElse', { n: 1 }));
    const keyring = await start();
    expect(await settled(keyring.reach(undefined))).toBe(true);
    expect(await settled(keyring.reach(enrolment))).toBe(true);
    expect(await settled(keyring.reach(head))).toBe(true);
    expect(await settled(keyring.reach(head + 1n))).toBe(false);
  });

  it('releases a waiter when the event at its position is applied, and not a waiter for a later one', async () => {
    const keyring = await start();
    const head = await store.headPosition();
    const first = keyring.reach(head + 1n);
    const second = keyring.reach(head + 2n);
    expect(await append('principal-p-one', enrolled('p-one', 'auditor', 'one-key'))).toBe(head + 1n);
    while (keyring.get(hash('one-key')) === undefined) await new Promise((resolve) => setImmediate(resolve));
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(false);
    // The waiter still queued is released by its own event, not by reach()'s fallback bound.
    expect(await append('principal-p-two', enrolled('p-two', 'auditor', 'two-key'))).toBe(head + 2n);
    while (keyring.get(hash('two-key')) === undefined) await new Promise((resolve) => setImmediate(resolve));
    expect(await settled(second)).toBe(true);
  });

  it('reads only the principal streams, at start and when following: its cost is the principals, not the history', async () => {
    await append('request-r-1', event('SomethingElse', { n: 1 }));
    await append('principal-p-admin', enrolled('p-admin', 'admin', 'admin-key'));
    await append('admin-roster', event('AdminRevocationRecorded', { principalId: 'p-admin', recordedAt: AT }));
    const reading = new ReadingEventStore(store);
    const keyring = await start(reading);
    await append('request-r-2', event('SomethingElse', { n: 2 }));
    await keyring.reach(await append('principal-p-late', enrolled('p-late', 'auditor', 'late-key')));
    expect(reading.handedOut.map((e) => e.streamId)).toEqual(['principal-p-admin', 'principal-p-late']);
  });

  it('applies once an event appended while it starts, between its reading of the head and of the principals', async () => {
    const racing = new AppendingAfterHead(store, () => append('principal-p-racer', enrolled('p-racer', 'auditor', 'racer-key')));
    const keyring = await start(racing);
    expect(keyring.get(hash('racer-key'))).toStrictEqual({ id: 'p-racer', role: 'auditor' });
    await keyring.reach(await append('principal-p-next', enrolled('p-next', 'auditor', 'next-key')));
    expect(racing.handedOut.map((e) => e.streamId)).toEqual(['principal-p-racer', 'principal-p-next']);
  });

  it('resumes following from the last event it applied when the subscription fails', async () => {
    const failing = new FailingOnceStore(store);
    const keyring = await start(failing);
    await keyring.reach(await append('principal-p-one', enrolled('p-one', 'auditor', 'one-key')));
    await keyring.reach(await append('principal-p-two', enrolled('p-two', 'auditor', 'two-key')));
    expect(keyring.get(hash('one-key'))).toStrictEqual({ id: 'p-one', role: 'auditor' });
    expect(keyring.get(hash('two-key'))).toStrictEqual({ id: 'p-two', role: 'auditor' });
    // The first subscription failed after the first event: the second starts right after it.
    expect(failing.subscribedAfter).toEqual([0n, failing.failedAfter]);
    expect(failing.failedAfter).toBeGreaterThan(0n);
  });

  it('stops following once destroyed, and can be destroyed without having started', async () => {
    const counting = new FailingOnceStore(store, false);
    const keyring = await start(counting);
    await keyring.onModuleDestroy();
    expect(counting.subscribedAfter).toHaveLength(1);
    await expect(new PrincipalKeyring(file, store).onModuleDestroy()).resolves.toBeUndefined();
  });
});

/** The real store, whose first subscription (when told to fail) breaks after handing out one event: the log unreachable for a moment. */
class FailingOnceStore extends ReadingEventStore {
  readonly subscribedAfter: (bigint | undefined)[] = [];
  failedAfter: bigint | undefined;

  constructor(inner: EventStore, private fail = true) {
    super(inner);
  }

  override subscribe(options?: SubscribeOptions): Subscription {
    this.subscribedAfter.push(options?.after);
    const inner = super.subscribe(options);
    if (!this.fail) return inner;
    this.fail = false;
    const self = this;
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
        for await (const e of inner) {
          yield e;
          self.failedAfter = e.position;
          await inner.close();
          throw new Error('connection reset (test)');
        }
      },
    };
  }
}

/** The real store, where another process appends `late` right after the keyring read the head. */
class AppendingAfterHead extends ReadingEventStore {
  constructor(inner: EventStore, private readonly late: () => Promise<unknown>) {
    super(inner);
  }

  override async headPosition(): Promise<bigint> {
    const head = await super.headPosition();
    await this.late();
    return head;
  }
}
