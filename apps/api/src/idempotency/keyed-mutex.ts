/**
 * Serialises the tasks given one key within this process, in arrival order; tasks of
 * different keys run side by side. A task's failure does not stop the next one.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(task);
    this.tails.set(key, current);
    const forget = (): void => {
      if (this.tails.get(key) === current) this.tails.delete(key);
    };
    current.then(forget, forget);
    return current;
  }

  /** How many keys have a task running or waiting (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
