import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordedEvent } from '../event-store.port';
import { newEvent, newEvents } from '../testing';
import { PAGE_SIZE } from './sqlite-log.reader';
import { SqliteEventStore } from './sqlite-event-store';

/** Lets every pending callback of this turn, then of the next turn, run. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether `promise` settled, looked at without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await nextTurn();
  return done;
}

describe('SqliteSubscription', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
    // A poll that never fires within a test: only the in-process commit can wake a subscriber.
    store = SqliteEventStore.open({ path: path.join(dir, 'events.db'), pollIntervalMs: 3_600_000 });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is woken by an in-process commit at once, not at its next poll', async () => {
    const subscription = store.subscribe({ after: await store.headPosition() });
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();
    expect(await settled(pending)).toBe(false);
    const event = newEvent('Filed');
    await store.append('request-1', [event], 'no-stream');
    expect(await settled(pending)).toBe(true);
    expect(await pending).toMatchObject({ done: false, value: { eventId: event.eventId } });
    await subscription.close();
  });

  it('yields to the event loop between full pages of a catch-up, and not before the first', async () => {
    // One page and one event more: the second page is fetched after a full first one.
    await store.append('request-big', newEvents(PAGE_SIZE + 1), 'no-stream');
    const subscription = store.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    let turns = 0;
    const tick = (): void => {
      turns++;
    };
    setImmediate(tick);
    const received: RecordedEvent[] = [];
    for (let i = 0; i < PAGE_SIZE; i++) received.push((await iterator.next()).value as RecordedEvent);
    // The first page is read at once: a subscriber starting on an empty buffer does not wait a turn.
    expect(turns).toBe(0);
    received.push((await iterator.next()).value as RecordedEvent);
    // A full page may hide more: the next fetch waits for a turn so appends and requests are served meanwhile.
    expect(turns).toBe(1);
    expect(received.map((e) => e.revision)).toEqual(Array.from({ length: PAGE_SIZE + 1 }, (_, i) => BigInt(i)));
    await subscription.close();
  });
});
