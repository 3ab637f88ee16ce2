import { WrongExpectedVersionError } from '../event-store.errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import { collect, type ContractContext, ids, newEvent, newEvents, uniquePrefix } from './contract-fixtures';

const HASH = /^[0-9a-f]{64}$/;

async function expectWrongVersion(promise: Promise<unknown>, streamId: string, expected: ExpectedRevision, actual: bigint | 'no-stream') {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect(error).toMatchObject({ streamId, expected, actual });
}

const where = (r: AppendResult): Pick<AppendResult, 'nextExpectedRevision' | 'position'> => ({ nextExpectedRevision: r.nextExpectedRevision, position: r.position });

export function appendContract(ctx: ContractContext): void {
  describe('append and readStream', () => {
    it('stores events in revision order with their data, metadata and a hash', async () => {
      const stream = `${uniquePrefix()}a`;
      const before = await ctx.store.headPosition();
      const first = [newEvent('Filed', { n: 1, nested: { z: 'é', a: [1, null, true] } }), newEvent('Amended', { n: 2 })];
      const r1 = await ctx.store.append(stream, first, 'no-stream');
      expect(r1.nextExpectedRevision).toBe(1n);
      expect(r1.position).toBeGreaterThan(before);
      const r2 = await ctx.store.append(stream, [newEvent('Closed')], 1n);
      expect(r2.nextExpectedRevision).toBe(2n);
      expect(r2.position).toBeGreaterThan(r1.position);

      const read = await collect(ctx.store.readStream(stream));
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(read.map((e) => e.type)).toEqual(['Filed', 'Amended', 'Closed']);
      expect(read[0]).toMatchObject({ streamId: stream, eventId: first[0].eventId, data: first[0].data });
      expect(read[0].metadata).toEqual({ ...first[0].metadata, hash: expect.stringMatching(HASH) });
      expect(read[1].position).toBe(r1.position);
      expect(read[2].position).toBe(r2.position);
      expect(read[0].position < read[1].position && read[1].position < read[2].position).toBe(true);
    });

    it('reads from a revision, and an unknown stream yields nothing', async () => {
      const stream = `${uniquePrefix()}a`;
      await ctx.store.append(stream, newEvents(5), 'no-stream');
      const tail = await collect(ctx.store.readStream(stream, { fromRevision: 3n }));
      expect(tail.map((e) => e.revision)).toEqual([3n, 4n]);
      expect(await collect(ctx.store.readStream(`${uniquePrefix()}missing`))).toEqual([]);
    });
  });

  describe('expected revision', () => {
    it("'no-stream' refuses an existing stream and reports its revision", async () => {
      const stream = `${uniquePrefix()}a`;
      await ctx.store.append(stream, newEvents(2), 'no-stream');
      await expectWrongVersion(ctx.store.append(stream, newEvents(1), 'no-stream'), stream, 'no-stream', 1n);
    });

    it("'stream-exists' refuses a missing stream and accepts an existing one", async () => {
      const stream = `${uniquePrefix()}a`;
      await expectWrongVersion(ctx.store.append(stream, newEvents(1), 'stream-exists'), stream, 'stream-exists', 'no-stream');
      await ctx.store.append(stream, newEvents(1), 'no-stream');
      expect((await ctx.store.append(stream, newEvents(1), 'stream-exists')).nextExpectedRevision).toBe(1n);
    });

    it('a revision must equal the last revision of the stream', async () => {
      const stream = `${uniquePrefix()}a`;
      await expectWrongVersion(ctx.store.append(stream, newEvents(1), 0n), stream, 0n, 'no-stream');
      await ctx.store.append(stream, newEvents(3), 'no-stream');
      await expectWrongVersion(ctx.store.append(stream, newEvents(1), 1n), stream, 1n, 2n);
      await expectWrongVersion(ctx.store.append(stream, newEvents(1), 3n), stream, 3n, 2n);
      expect((await ctx.store.append(stream, newEvents(1), 2n)).nextExpectedRevision).toBe(3n);
    });

    it("'any' appends to a missing or an existing stream", async () => {
      const stream = `${uniquePrefix()}a`;
      expect((await ctx.store.append(stream, newEvents(2), 'any')).nextExpectedRevision).toBe(1n);
      expect((await ctx.store.append(stream, newEvents(1), 'any')).nextExpectedRevision).toBe(2n);
    });

    it('of 32 concurrent appenders with the same expectation exactly one wins', async () => {
      const stream = `${uniquePrefix()}a`;
      await ctx.store.append(stream, newEvents(1), 'no-stream');
      const outcomes = await Promise.allSettled(Array.from({ length: 32 }, () => ctx.store.append(stream, newEvents(1), 0n)));
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(31);
      for (const error of lost) {
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ actual: 1n });
      }
      expect(await collect(ctx.store.readStream(stream))).toHaveLength(2);
    });
  });

  describe('idempotent retry', () => {
    it('the same ids at the same place return the first result and store nothing more', async () => {
      const stream = `${uniquePrefix()}a`;
      const batch = newEvents(2);
      const first = await ctx.store.append(stream, batch, 'no-stream');
      const retried = await ctx.store.append(stream, batch, 'no-stream');
      expect(where(retried)).toEqual(where(first));
      const next = [newEvent('Next')];
      const second = await ctx.store.append(stream, next, 1n);
      const retriedAt = await ctx.store.append(stream, next, 1n);
      const retriedAny = await ctx.store.append(stream, next, 'any');
      expect(where(retriedAt)).toEqual(where(second));
      expect(where(retriedAny)).toEqual(where(second));
      // An adapter that says whether it wrote says it of every append: a retry stored nothing.
      const said = [first, retried, second, retriedAt, retriedAny].map((r) => r.written);
      expect(said).toEqual(first.written === undefined ? [undefined, undefined, undefined, undefined, undefined] : [true, false, true, false, false]);
      const stored = await collect(ctx.store.readStream(stream));
      expect(ids(stored)).toEqual([...ids(batch), ...ids(next)]);
    });
  });
}
