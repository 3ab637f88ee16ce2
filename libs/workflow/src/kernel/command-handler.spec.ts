import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operatorDecider, operatorStream } from '@vigie/domain';
import { SqliteEventStore, type AppendResult, type EventStore, type EventToAppend, type ExpectedRevision, type RecordedEvent } from '@vigie/event-store';
import { ReadingEventStore } from '../../../../test/support/reading-event-store';
import { handleCommand } from './command-handler';
import type { CommandMeta } from './command-meta';

const AT = '2026-03-10T10:00:00.000Z';
const meta = (commandId: string): CommandMeta => ({ commandId, correlationId: commandId, occurredAt: AT, actor: { id: 'admin-1', role: 'admin' } });
const register = (operatorId: string, name = 'Opérateur') => ({
  type: 'RegisterOperator' as const,
  data: { operatorId, name, categories: ['hosting' as const], registeredAt: AT },
});

/** An adapter that does not say whether it wrote (as EventStoreDB's). */
class SilentAppends extends ReadingEventStore {
  override async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const { nextExpectedRevision, position } = await super.append(streamId, events, expected);
    return { nextExpectedRevision, position };
  }
}

describe('handleCommand after the append', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-handler-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (on: EventStore, operatorId: string, commandId: string) =>
    handleCommand(on, operatorStream(operatorId), operatorDecider, register(operatorId), () => undefined, meta(commandId));

  it('answers from what the store reports it wrote, without reading the events back', async () => {
    const reading = new ReadingEventStore(store);
    const silent = new SilentAppends(store);
    const written = await run(reading, 'op-1', 'cmd-1');
    const readBack = await run(silent, 'op-2', 'cmd-2');
    // Both streams were new: the loads handed out nothing; only the silent adapter's read-back read its event.
    expect(reading.eventsRead(operatorStream('op-1'))).toBe(0);
    expect(silent.eventsRead(operatorStream('op-2'))).toBe(1);
    expect(silent.handedOut[0].position).toBe(readBack.position);
    // The same outcome either way, as the log holds it.
    const [stored] = await collect(store.readStream(operatorStream('op-1')));
    expect(written).toEqual({ state: { ...readBack.state, operatorId: 'op-1' }, events: [{ type: stored.type, data: stored.data }], appended: true, position: stored.position, revision: 0n });
    expect(readBack).toEqual({ ...written, state: { ...written.state, operatorId: 'op-2' }, events: [{ type: 'OperatorRegistered', data: { ...stored.data, operatorId: 'op-2' } }], position: readBack.position });
  });

  it('reads back a retry the store acknowledged without writing, and answers the first outcome', async () => {
    const first = await run(store, 'op-1', 'cmd-1');
    const stale = new StaleFirstRead(store);
    // Loaded as if before the first append landed, decided otherwise, appended with the same ids: the store keeps the first.
    const retried = await handleCommand(stale, operatorStream('op-1'), operatorDecider, register('op-1', 'Autre nom'), () => undefined, meta('cmd-1'));
    expect(stale.eventsRead(operatorStream('op-1'))).toBe(1);
    expect(retried).toEqual({ ...first, appended: false });
    expect(retried.events[0].data).toMatchObject({ name: 'Opérateur' });
  });
});

/** Its first read of a stream yields nothing, as a load racing the original append would have seen. */
class StaleFirstRead extends ReadingEventStore {
  private stale = true;
  override readStream(streamId: string, options?: { fromRevision?: bigint }): AsyncIterable<RecordedEvent> {
    if (!this.stale) return super.readStream(streamId, options);
    this.stale = false;
    return (async function* () {})();
  }
}

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
};
