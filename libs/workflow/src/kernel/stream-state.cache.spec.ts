import { agentDecider, agentStream, operatorDecider, operatorStream, type OperatorState } from '@vigie/domain';
import { SqliteEventStore, type EventToAppend } from '@vigie/event-store';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadingEventStore } from '../../../../test/support/reading-event-store';
import { loadStream } from './command-handler';
import { newCommandId } from './command-meta';
import { StreamStateCache } from './stream-state.cache';

const registered = (n: number): EventToAppend => ({
  eventId: newCommandId(),
  type: 'OperatorRegistered',
  data: { operatorId: 'op-1', name: `Telco ${n}`, categories: ['electronic-communications'], registeredAt: '2026-01-01T00:00:00.000Z' },
  metadata: {},
});
const habilitated = (): EventToAppend => ({
  eventId: newCommandId(),
  type: 'AgentHabilitated',
  data: { agentId: 'ag-1', fullName: 'Alice Martin', decisionRef: 'PM-1', habilitatedOn: '2026-01-01', at: '2026-01-01T00:00:00.000Z' },
  metadata: {},
});
const revoked = (): EventToAppend => ({
  eventId: newCommandId(),
  type: 'AgentHabilitationRevoked',
  data: { agentId: 'ag-1', reason: 'left the post', revokedAt: '2026-02-01T00:00:00.000Z' },
  metadata: {},
});

describe('StreamStateCache', () => {
  let dir: string;
  let a: SqliteEventStore;
  let b: SqliteEventStore;
  let counted: ReadingEventStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
    // Two handles on one file: what two processes (API replicas, the CLI) share.
    a = SqliteEventStore.open({ path: path.join(dir, 'events.db') });
    b = SqliteEventStore.open({ path: path.join(dir, 'events.db') });
    counted = new ReadingEventStore(a);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('folds the whole stream once, then only what was appended since, through any handle', async () => {
    const cache = new StreamStateCache(counted);
    await a.append(operatorStream('op-1'), Array.from({ length: 30 }, (_, i) => registered(i)), 'no-stream');
    const first = await cache.load(operatorStream('op-1'), operatorDecider);
    expect(first.revision).toBe(29n);
    expect(counted.eventsRead(operatorStream('op-1'))).toBe(30);

    counted.reset();
    await b.append(operatorStream('op-1'), [registered(30), registered(31)], 29n);
    const caught = await cache.load(operatorStream('op-1'), operatorDecider);
    expect(counted.eventsRead(operatorStream('op-1'))).toBe(2);
    expect(caught).toEqual({ state: (await loadStream(b, operatorStream('op-1'), operatorDecider)).state, revision: 31n });
    expect((caught.state as Extract<OperatorState, { status: 'registered' }>).name).toBe('Telco 31');

    counted.reset();
    expect(await cache.load(operatorStream('op-1'), operatorDecider)).toBe(caught);
    expect(counted.eventsRead(operatorStream('op-1'))).toBe(0);
  });

  it('never answers from a stale fold: a revocation made through another handle is seen at the next load', async () => {
    const cache = new StreamStateCache(a);
    expect(await cache.load(agentStream('ag-1'), agentDecider)).toEqual({ state: { status: 'unknown' }, revision: undefined });
    await b.append(agentStream('ag-1'), [habilitated()], 'no-stream');
    expect((await cache.load(agentStream('ag-1'), agentDecider)).state.status).toBe('habilitated');
    await b.append(agentStream('ag-1'), [revoked()], 0n);
    const after = await cache.load(agentStream('ag-1'), agentDecider);
    expect(after.state).toMatchObject({ status: 'revoked', revokedAt: '2026-02-01T00:00:00.000Z', fullName: 'Alice Martin' });
    expect(after.revision).toBe(1n);
  });

  it('hands out states no caller can change, down to their lists', async () => {
    const cache = new StreamStateCache(a);
    await a.append(operatorStream('op-1'), [registered(1)], 'no-stream');
    const { state } = await cache.load(operatorStream('op-1'), operatorDecider);
    const writable = state as { status: string; categories: string[] };
    expect(() => {
      writable.status = 'unknown';
    }).toThrow(TypeError);
    expect(() => writable.categories.push('hosting')).toThrow(TypeError);
    expect((await cache.load(operatorStream('op-1'), operatorDecider)).state).toMatchObject({ status: 'registered', categories: ['electronic-communications'] });
  });

  it('keeps at most `capacity` streams, dropping the least recently used, which is folded again from the start', async () => {
    const cache = new StreamStateCache(counted, 2);
    for (const id of ['ag-1', 'ag-2', 'ag-3']) await a.append(agentStream(id), [habilitated(), revoked(), habilitated()], 'no-stream');
    const load = (id: string): Promise<unknown> => cache.load(agentStream(id), agentDecider);
    await load('ag-1');
    await load('ag-2');
    await load('ag-1');
    await load('ag-3');
    expect(cache.size).toBe(2);

    counted.reset();
    await load('ag-1');
    expect(counted.eventsRead(agentStream('ag-1'))).toBe(0);
    const ag2 = await cache.load(agentStream('ag-2'), agentDecider);
    expect(counted.eventsRead(agentStream('ag-2'))).toBe(3);
    expect(ag2.state.status).toBe('habilitated');
  });

  it('refuses a capacity that could hold nothing', () => {
    expect(() => new StreamStateCache(a, 0)).toThrow(RangeError);
  });
});
