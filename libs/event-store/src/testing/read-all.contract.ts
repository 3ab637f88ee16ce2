import { chainHash, GENESIS_HASH } from '../hash-chain';
import type { RecordedEvent } from '../event-store.port';
import { collect, type ContractContext, ids, newEvent, newEvents, readAllOf, uniquePrefix } from './contract-fixtures';

/** Checks each link of a stream's chain from its events as read back. */
export function expectSoundChain(events: readonly RecordedEvent[]): void {
  let previous = GENESIS_HASH;
  for (const e of events) {
    expect(e.metadata.hash).toBe(chainHash(previous, e.type, e.data, e.metadata));
    previous = e.metadata.hash;
  }
}

const toJson = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

export function readAllContract(ctx: ContractContext): void {
  describe('readAll and the hash chain', () => {
    it('chains every event of a stream to the previous one and verifies', async () => {
      const stream = `${uniquePrefix()}a`;
      await ctx.store.append(stream, newEvents(3), 'no-stream');
      await ctx.store.append(stream, newEvents(2), 2n);
      const events = await collect(ctx.store.readStream(stream));
      expectSoundChain(events);
      const report = await ctx.store.verifyChains();
      expect(report).toMatchObject({ ok: true });
      expect(report.events).toBeGreaterThanOrEqual(5);
      expect(report.streams).toBeGreaterThanOrEqual(1);
      expect(report.firstBrokenStream).toBeUndefined();
    });

    it('yields all streams in one global order; after is exclusive; maxCount limits', async () => {
      const prefix = uniquePrefix();
      const head = await ctx.store.headPosition();
      const a = newEvents(2);
      const b = newEvents(2);
      await ctx.store.append(`${prefix}a`, [a[0]], 'no-stream');
      await ctx.store.append(`${prefix}b`, [b[0]], 'no-stream');
      await ctx.store.append(`${prefix}a`, [a[1]], 0n);
      const last = await ctx.store.append(`${prefix}b`, [b[1]], 0n);
      const all = await readAllOf(ctx.store, prefix, head);
      expect(ids(all)).toEqual(ids([a[0], b[0], a[1], b[1]]));
      expect(all.map((e) => e.streamId)).toEqual([`${prefix}a`, `${prefix}b`, `${prefix}a`, `${prefix}b`]);
      for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
      expect(all[3].position).toBe(last.position);
      expect(await ctx.store.headPosition()).toBeGreaterThanOrEqual(last.position);

      const afterFirst = await readAllOf(ctx.store, prefix, all[0].position);
      expect(ids(afterFirst)).toEqual(ids([b[0], a[1], b[1]]));
      const two = await collect(ctx.store.readAll({ after: all[0].position, maxCount: 2 }));
      expect(two).toHaveLength(2);
      expect(two[0].position).toBeGreaterThan(all[0].position);
    });

    it('positions and revisions survive JSON as decimal strings', async () => {
      const prefix = uniquePrefix();
      const head = await ctx.store.headPosition();
      await ctx.store.append(`${prefix}a`, newEvents(4), 'no-stream');
      const read = await readAllOf(ctx.store, prefix, head);
      const parsed = JSON.parse(toJson(read)) as { position: string; revision: string }[];
      expect(typeof parsed[1].position).toBe('string');
      expect(parsed[1].position).toMatch(/^[1-9][0-9]*$/);
      expect(BigInt(parsed[1].position)).toBe(read[1].position);
      expect(BigInt(parsed[3].revision)).toBe(3n);
      const resumed = await readAllOf(ctx.store, prefix, BigInt(parsed[1].position));
      expect(ids(resumed)).toEqual(ids(read.slice(2)));
    });

    it('a filter keeps the matching events in global order, after is still exclusive', async () => {
      const prefix = uniquePrefix();
      const head = await ctx.store.headPosition();
      const kept = [newEvent('Kept', { n: 0 }), newEvent('Kept', { n: 1 }), newEvent('Kept', { n: 2 })];
      await ctx.store.append(`${prefix}keep-b`, [kept[0]], 'no-stream');
      await ctx.store.append(`${prefix}other`, newEvents(2), 'no-stream');
      await ctx.store.append(`${prefix}keep-a`, [kept[1], newEvent('Skipped')], 'no-stream');
      await ctx.store.append(`${prefix}kee`, newEvents(1, 'Kept'), 'no-stream');
      await ctx.store.append(`${prefix}keep-b`, [kept[2]], 0n);

      const byPrefix = await collect(ctx.store.readAll({ after: head, filter: { streamPrefixes: [`${prefix}keep-`] } }));
      expect(byPrefix.map((e) => e.streamId)).toEqual([`${prefix}keep-b`, `${prefix}keep-a`, `${prefix}keep-a`, `${prefix}keep-b`]);
      for (let i = 1; i < byPrefix.length; i++) expect(byPrefix[i].position).toBeGreaterThan(byPrefix[i - 1].position);

      const both = await collect(ctx.store.readAll({ after: head, filter: { streamPrefixes: [`${prefix}keep-`], eventTypes: ['Kept'] } }));
      expect(ids(both)).toEqual(ids(kept));
      const resumed = await collect(ctx.store.readAll({ after: both[0].position, maxCount: 1, filter: { streamPrefixes: [`${prefix}keep-`], eventTypes: ['Kept'] } }));
      expect(ids(resumed)).toEqual(ids([kept[1]]));
      const byType = await collect(ctx.store.readAll({ after: head, filter: { eventTypes: ['Kept'] } }));
      expect(byType.map((e) => e.streamId)).toEqual([`${prefix}keep-b`, `${prefix}keep-a`, `${prefix}kee`, `${prefix}keep-b`]);
      const none = await collect(ctx.store.readAll({ after: head, filter: { streamPrefixes: [`${prefix}nothing-`] } }));
      expect(none).toEqual([]);
    });
  });
}
