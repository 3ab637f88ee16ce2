import { KeyedMutex } from './keyed-mutex';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const gate = () => {
  let open!: () => void;
  let fail!: () => void;
  const opened = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = () => reject(new Error('task failed'));
  });
  return { opened, open, fail };
};

describe('KeyedMutex', () => {
  it('runs the tasks of one key one after the other, in arrival order, and those of other keys side by side', async () => {
    const mutex = new KeyedMutex();
    const started: string[] = [];
    const first = gate();
    const a = mutex.run('k', async () => {
      started.push('k1');
      await first.opened;
      return 'k1';
    });
    const b = mutex.run('k', async () => void started.push('k2'));
    const other = mutex.run('other', async () => void started.push('other'));
    await other;
    await flush();
    expect(started).toEqual(['k1', 'other']);
    expect(mutex.size).toBe(1);
    first.open();
    expect(await a).toBe('k1');
    await b;
    expect(started).toEqual(['k1', 'other', 'k2']);
  });

  it("runs the next task of a key after one failed, and hands each caller its own task's outcome", async () => {
    const mutex = new KeyedMutex();
    const first = gate();
    const a = mutex.run('k', () => first.opened);
    const b = mutex.run('k', async () => 'second');
    first.fail();
    await expect(a).rejects.toThrow('task failed');
    expect(await b).toBe('second');
  });

  it('forgets a key once its last task settled, and not before', async () => {
    const mutex = new KeyedMutex();
    const first = gate();
    const a = mutex.run('k', () => first.opened);
    const b = mutex.run('k', async () => 'b');
    await flush();
    expect(mutex.size).toBe(1);
    first.open();
    await a;
    await b;
    await flush();
    expect(mutex.size).toBe(0);
    await expect(mutex.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await flush();
    expect(mutex.size).toBe(0);
  });

  it('keeps a key while a later task still runs: a task arriving then waits for it', async () => {
    const mutex = new KeyedMutex();
    const first = gate();
    const second = gate();
    const started: string[] = [];
    const a = mutex.run('k', async () => {
      started.push('a');
      await first.opened;
    });
    const b = mutex.run('k', async () => {
      started.push('b');
      await second.opened;
    });
    first.open();
    await a;
    await flush();
    // The first task's end must not forget the key the second one now holds.
    expect(mutex.size).toBe(1);
    const c = mutex.run('k', async () => {
      started.push('c');
    });
    await flush();
    expect(started).toEqual(['a', 'b']);
    second.open();
    await b;
    await c;
    expect(started).toEqual(['a', 'b', 'c']);
  });
});
