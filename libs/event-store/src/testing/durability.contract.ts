import { StoreClosedError } from '../event-store.errors';
import { collect, type ContractContext, newEvents, uniquePrefix } from './contract-fixtures';
import { expectSoundChain } from './read-all.contract';

export function durabilityContract(ctx: ContractContext): void {
  describe('close and reopen', () => {
    it('keeps every event, and the chain continues after reopening', async () => {
      const stream = `${uniquePrefix()}a`;
      await ctx.store.append(stream, newEvents(3), 'no-stream');
      const before = await collect(ctx.store.readStream(stream));
      const head = await ctx.store.headPosition();

      const reopened = await ctx.subject.reopen();
      expect(await collect(reopened.readStream(stream))).toEqual(before);
      expect(await reopened.headPosition()).toBeGreaterThanOrEqual(head);

      const next = await reopened.append(stream, newEvents(2), 2n);
      expect(next.nextExpectedRevision).toBe(4n);
      expect(next.position).toBeGreaterThan(before[2].position);
      const after = await collect(reopened.readStream(stream));
      expect(after.slice(0, 3)).toEqual(before);
      expectSoundChain(after);
      expect(await reopened.verifyChains()).toMatchObject({ ok: true });
    });

    it('refuses every operation once closed', async () => {
      const old = ctx.store;
      await ctx.subject.reopen();
      await expect(old.append(`${uniquePrefix()}a`, newEvents(1), 'any')).rejects.toBeInstanceOf(StoreClosedError);
      await expect(old.headPosition()).rejects.toBeInstanceOf(StoreClosedError);
      await expect(old.readLastEvent(`${uniquePrefix()}a`)).rejects.toBeInstanceOf(StoreClosedError);
      await expect(collect(old.readAll())).rejects.toBeInstanceOf(StoreClosedError);
    });
  });
}
