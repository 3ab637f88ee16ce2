import type { EventToAppend } from '../event-store.port';
import { type ContractContext, ids, newEvent, newEvents, take, uniquePrefix } from './contract-fixtures';

export function subscriptionContract(ctx: ContractContext): void {
  describe('subscribe', () => {
    it('catches up, then follows live appends with no gap and no duplicate', async () => {
      const prefix = uniquePrefix();
      const head = await ctx.store.headPosition();
      const expected: EventToAppend[] = [];
      const revisions = new Map<string, bigint>();
      const append = async (stream: string, events: EventToAppend[]) => {
        const r = await ctx.store.append(`${prefix}${stream}`, events, revisions.get(stream) ?? 'no-stream');
        revisions.set(stream, r.nextExpectedRevision);
        expected.push(...events);
      };
      for (let i = 0; i < 20; i++) await append(i % 2 === 0 ? 'a' : 'b', newEvents(10));

      const subscription = ctx.store.subscribe({ after: head, filter: { streamPrefixes: [prefix] } });
      const produce = async () => {
        for (let i = 0; i < 200; i++) await append(['a', 'b', 'c'][i % 3], [newEvent('Live', { i })]);
      };
      const [received] = await Promise.all([take(subscription, 400), produce()]);
      await subscription.close();

      expect(received).toHaveLength(400);
      expect(ids(received)).toEqual(ids(expected));
      expect(new Set(ids(received)).size).toBe(400);
      for (let i = 1; i < received.length; i++) expect(received[i].position).toBeGreaterThan(received[i - 1].position);
    });

    it('starts strictly after the given position', async () => {
      const prefix = uniquePrefix();
      await ctx.store.append(`${prefix}a`, newEvents(3), 'no-stream');
      const first = await ctx.store.append(`${prefix}a`, newEvents(1), 2n);
      const rest = newEvents(2);
      await ctx.store.append(`${prefix}a`, rest, 3n);
      const subscription = ctx.store.subscribe({ after: first.position, filter: { streamPrefixes: [prefix] } });
      const received = await take(subscription, 2);
      await subscription.close();
      expect(ids(received)).toEqual(ids(rest));
    });

    it('filters by event type', async () => {
      const prefix = uniquePrefix();
      const head = await ctx.store.headPosition();
      const events = [newEvent('Alpha'), newEvent('Beta'), newEvent('Alpha'), newEvent('Gamma'), newEvent('Beta')];
      await ctx.store.append(`${prefix}a`, events.slice(0, 3), 'no-stream');
      await ctx.store.append(`${prefix}b`, events.slice(3), 'no-stream');
      const subscription = ctx.store.subscribe({ after: head, filter: { eventTypes: ['Beta', 'Gamma'], streamPrefixes: [prefix] } });
      const received = await take(subscription, 3);
      await subscription.close();
      expect(ids(received)).toEqual(ids([events[1], events[3], events[4]]));
    });

    it('filters by stream prefix', async () => {
      const mine = uniquePrefix();
      const other = uniquePrefix();
      const head = await ctx.store.headPosition();
      const wanted = newEvents(4);
      await ctx.store.append(`${other}x`, newEvents(2), 'no-stream');
      await ctx.store.append(`${mine}x`, wanted.slice(0, 2), 'no-stream');
      await ctx.store.append(`${other}y`, newEvents(2), 'no-stream');
      await ctx.store.append(`${mine}y`, wanted.slice(2), 'no-stream');
      const subscription = ctx.store.subscribe({ after: head, filter: { streamPrefixes: [mine] } });
      const received = await take(subscription, 4);
      await subscription.close();
      expect(ids(received)).toEqual(ids(wanted));
      expect(received.every((e) => e.streamId.startsWith(mine))).toBe(true);
    });

    it('close ends the iteration, even while it waits', async () => {
      const subscription = ctx.store.subscribe({
        after: await ctx.store.headPosition(),
        filter: { streamPrefixes: [uniquePrefix()] },
      });
      const pending = subscription[Symbol.asyncIterator]().next();
      await subscription.close();
      await expect(pending).resolves.toMatchObject({ done: true });
    });
  });
}
