import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { finished, spawnTs, waitForOutput } from '../../../../test/support/spawn-ts';
import type { RecordedEvent } from '../event-store.port';
import { collect, ids, take } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const PROCESSES = 4;
const OWN_STREAMS = 3; // as in the appender
const OWN_EVENTS = 15; // per own stream
const SHARED_APPENDS = 10; // of two events each, per process
const SHARED_STREAM = 'request-shared';

interface Ack {
  readonly streamId: string;
  readonly eventId: string;
  readonly revision: bigint;
  readonly position: bigint;
}

const parseAcks = (stdout: string): Ack[] =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('ack '))
    .map((line) => {
      const [, streamId, eventId, revision, position] = line.split(' ');
      return { streamId, eventId, revision: BigInt(revision), position: BigInt(position) };
    });

/** Several processes on one host share one events.db: the worker and API replicas do. */
describe('SqliteEventStore shared by several processes', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-mp-'));
    file = path.join(dir, 'events.db');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps revisions, positions and chains whole, and a subscriber in another process sees every event once, in order', async () => {
    const children = Array.from({ length: PROCESSES }, (_, i) =>
      spawnTs('libs/event-store/src/sqlite/testing/shared-file-appender.ts', [file, `p${i}`, String(OWN_EVENTS), String(SHARED_APPENDS), SHARED_STREAM], {}),
    );
    const exits = children.map(finished);
    try {
      // The children create the file together: opening a fresh log must not race either.
      await Promise.all(children.map((child) => waitForOutput(child, /^ready$/m)));
      const store = SqliteEventStore.open({ path: file, pollIntervalMs: 20 });
      try {
        const subscription = store.subscribe();
        const expectedTotal = PROCESSES * (OWN_STREAMS * OWN_EVENTS + SHARED_APPENDS * 2);
        const received = take(subscription, expectedTotal);
        for (const child of children) child.stdin.end('go\n');
        const results = await Promise.all(exits);
        for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
        const acks = results.flatMap((r) => parseAcks(r.stdout));
        const seen = await received;
        await subscription.close();

        const log = await collect(store.readAll());
        expect(acks).toHaveLength(expectedTotal);
        expect(log).toHaveLength(expectedTotal);
        expect(new Set(ids(log)).size).toBe(expectedTotal);
        // Every acknowledged event is stored where its process was told it is.
        const byId = new Map(log.map((e) => [e.eventId, e]));
        for (const a of acks) expect(byId.get(a.eventId)).toMatchObject({ streamId: a.streamId, revision: a.revision, position: a.position });
        expectPositionsIncreasing(log);
        expectRevisionsContiguous(log);
        expect(log.filter((e) => e.streamId === SHARED_STREAM)).toHaveLength(PROCESSES * SHARED_APPENDS * 2);
        expect(await store.verifyChains()).toEqual({ ok: true, streams: PROCESSES * OWN_STREAMS + 1, events: expectedTotal });
        expect(await store.headPosition()).toBe(log[log.length - 1].position);
        // The subscriber, in this process, saw the others' commits: all of them, once, in log order.
        expect(ids(seen)).toEqual(ids(log));
      } finally {
        await store.close();
      }
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await Promise.all(exits);
    }
  }, 60_000);
});

function expectPositionsIncreasing(log: readonly RecordedEvent[]): void {
  for (let i = 1; i < log.length; i++) expect(log[i].position > log[i - 1].position).toBe(true);
}

function expectRevisionsContiguous(log: readonly RecordedEvent[]): void {
  const next = new Map<string, bigint>();
  for (const e of log) {
    expect(e.revision).toBe(next.get(e.streamId) ?? 0n);
    next.set(e.streamId, e.revision + 1n);
  }
}
