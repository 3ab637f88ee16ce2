import { BatchReader } from './batch-reader';

async function* ready(n: number): AsyncGenerator<number> {
  for (let i = 1; i <= n; i++) yield i;
}

/** Items that only arrive after a macrotask each, like live appends. */
async function* trickle(n: number): AsyncGenerator<number> {
  for (let i = 1; i <= n; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    yield i;
  }
}

describe('BatchReader', () => {
  it('groups items that are already available, up to the maximum', async () => {
    const reader = new BatchReader(ready(10)[Symbol.asyncIterator]());
    expect(await reader.next(4)).toEqual([1, 2, 3, 4]);
    expect(await reader.next(4)).toEqual([5, 6, 7, 8]);
    expect(await reader.next(4)).toEqual([9, 10]);
    expect(await reader.next(4)).toBeUndefined();
  });

  it('never waits to fill a batch when items arrive one by one', async () => {
    const reader = new BatchReader(trickle(3)[Symbol.asyncIterator]());
    const batches: number[][] = [];
    for (let b = await reader.next(100); b; b = await reader.next(100)) batches.push(b);
    expect(batches).toEqual([[1], [2], [3]]);
  });
});
