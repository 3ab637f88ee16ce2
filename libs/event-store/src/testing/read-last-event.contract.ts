import { collect, type ContractContext, newEvent, newEvents, uniquePrefix } from './contract-fixtures';

/**
 * The backwards read of a stream's last event: what a decision whose state is the
 * latest event alone reads (the habilitation lists), one event however long the stream.
 */
export function readLastEventContract(ctx: ContractContext): void {
  describe('readLastEvent', () => {
    it('is undefined for a stream that does not exist', async () => {
      expect(await ctx.store.readLastEvent(`${uniquePrefix()}missing`)).toBeUndefined();
    });

    it('is the event of highest revision, as readStream yields it, and follows each append', async () => {
      const stream = `${uniquePrefix()}a`;
      await ctx.store.append(stream, newEvents(3), 'no-stream');
      const read = await collect(ctx.store.readStream(stream));
      const last = await ctx.store.readLastEvent(stream);
      expect(last).toEqual(read[2]);
      expect(last?.revision).toBe(2n);

      const next = newEvent('Amended', { n: 4, nested: { a: [1, null] } });
      const appended = await ctx.store.append(stream, [next], 2n);
      const latest = await ctx.store.readLastEvent(stream);
      expect(latest).toMatchObject({ streamId: stream, revision: 3n, position: appended.position, eventId: next.eventId, type: 'Amended' });
      expect(latest?.data).toEqual(next.data);
      expect(latest?.metadata.hash).toBe((await collect(ctx.store.readStream(stream, { fromRevision: 3n })))[0].metadata.hash);
    });

    it('reads only its own stream, not one whose name extends it nor one written after it', async () => {
      const prefix = uniquePrefix();
      const own = newEvents(2);
      await ctx.store.append(`${prefix}a`, own, 'no-stream');
      await ctx.store.append(`${prefix}ab`, newEvents(3), 'no-stream');
      await ctx.store.append(`${prefix}b`, newEvents(1), 'no-stream');
      const last = await ctx.store.readLastEvent(`${prefix}a`);
      expect(last).toMatchObject({ streamId: `${prefix}a`, revision: 1n, eventId: own[1].eventId });
    });

    it('reads the last event a reopened store finds on disk', async () => {
      const stream = `${uniquePrefix()}a`;
      const events = newEvents(2);
      await ctx.store.append(stream, events, 'no-stream');
      const reopened = await ctx.subject.reopen();
      expect((await reopened.readLastEvent(stream))?.eventId).toBe(events[1].eventId);
    });
  });
}
