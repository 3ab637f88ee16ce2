import { PagedEventIterator } from './sqlite-page.iterator';
import type { EventRow } from './sqlite-row';

const row = (position: number): EventRow => [BigInt(position), 's-1', BigInt(position - 1), `id-${position}`, 'Pinged', '{"n":1}', '{}', 'h'];

/** A log of `total` rows served by position, recording each page request. */
function fakeLog(total: number): { fetch: (last: EventRow | undefined, limit: number) => EventRow[]; readonly calls: number[][] } {
  const calls: number[][] = [];
  return {
    calls,
    fetch: (last, limit) => {
      const after = last === undefined ? 0 : Number(last[0]);
      calls.push([after, limit]);
      return Array.from({ length: Math.max(0, Math.min(limit, total - after)) }, (_, i) => row(after + i + 1));
    },
  };
}

async function positions(iterator: AsyncIterable<{ position: bigint }>): Promise<bigint[]> {
  const out: bigint[] = [];
  for await (const e of iterator) out.push(e.position);
  return out;
}

describe('PagedEventIterator', () => {
  it('reads page after page, continuing from the last row, and stops at a short page', async () => {
    const log = fakeLog(5);
    expect(await positions(new PagedEventIterator(log.fetch, 2))).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(log.calls).toEqual([
      [0, 2],
      [2, 2],
      [4, 2],
    ]);
  });

  it('asks no more than the remaining count, and no page once it is reached', async () => {
    const log = fakeLog(10);
    expect(await positions(new PagedEventIterator(log.fetch, 3, 4))).toEqual([1n, 2n, 3n, 4n]);
    expect(log.calls).toEqual([
      [0, 3],
      [3, 1],
    ]);
  });

  it('fetches nothing more after the consumer breaks out', async () => {
    const log = fakeLog(10);
    const iterator = new PagedEventIterator(log.fetch, 2);
    for await (const e of iterator) if (e.position === 1n) break;
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(log.calls).toHaveLength(1);
  });

  it('rejects with the error of a failed fetch, then is done', async () => {
    const iterator = new PagedEventIterator(() => {
      throw new Error('closed');
    }, 2);
    await expect(iterator.next()).rejects.toThrow('closed');
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});
