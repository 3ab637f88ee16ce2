import { Semaphore } from './semaphore';

/** Lets every callback already queued run: what has not started by then waits for something else. */
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A task the test finishes by hand, which records when it starts. */
const task = (name: string, started: string[]) => {
  let finish!: (ok: boolean) => void;
  const run = () => {
    started.push(name);
    return new Promise<string>((resolve, reject) => (finish = (ok) => (ok ? resolve(name) : reject(new Error(`${name} failed`)))));
  };
  return { run, finish: (ok = true) => finish(ok) };
};

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, the others in arrival order as slots free up', async () => {
    const semaphore = new Semaphore(2);
    const started: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => task(n, started));
    const results = [a, b, c, d].map((t) => semaphore.run(t!.run));
    await flush();
    expect(started).toEqual(['a', 'b']);
    b!.finish();
    await flush();
    expect(started).toEqual(['a', 'b', 'c']);
    a!.finish();
    await flush();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    c!.finish();
    d!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('frees the slot of a task that failed, and gives it back once nobody waits', async () => {
    const semaphore = new Semaphore(1);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => task(n, started));
    const first = semaphore.run(a!.run);
    const second = semaphore.run(b!.run);
    a!.finish(false);
    await expect(first).rejects.toThrow('a failed');
    await flush();
    expect(started).toEqual(['a', 'b']);
    b!.finish();
    await second;
    // The slot came back: a later task starts at once, and holds the only slot.
    const third = semaphore.run(c!.run);
    const fourth = semaphore.run(async () => 'd');
    await flush();
    expect(started).toEqual(['a', 'b', 'c']);
    c!.finish();
    expect(await Promise.all([third, fourth])).toEqual(['c', 'd']);
  });

  it('refuses a limit that is not a positive integer', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) expect(() => new Semaphore(limit)).toThrow('A semaphore needs a limit of at least 1');
    expect(() => new Semaphore(1)).not.toThrow();
  });
});
