const NOT_READY = Symbol('not-ready');

/** Resolves after the current microtasks: anything ready without I/O settles before it. */
const afterMicrotasks = (): Promise<typeof NOT_READY> =>
  new Promise((resolve) => setImmediate(() => resolve(NOT_READY)));

/**
 * Groups an async iterator into batches without ever waiting to fill one: it waits for
 * the first item, then takes the items that are already available (catching up reads
 * whole pages at once) up to `max`. Live, items arrive one by one, so batches are single
 * items and nothing lingers unapplied.
 */
export class BatchReader<T> {
  private pending: Promise<IteratorResult<T>> | undefined;
  private done = false;

  constructor(private readonly iterator: AsyncIterator<T>) {}

  /** The next batch, or undefined once the iterator is exhausted. */
  async next(max: number): Promise<T[] | undefined> {
    if (this.done) return undefined;
    const first = await this.take();
    if (first.done) {
      this.done = true;
      return undefined;
    }
    const batch = [first.value];
    while (batch.length < max) {
      this.pending ??= this.iterator.next();
      const ready = await Promise.race([this.pending, afterMicrotasks()]);
      if (ready === NOT_READY) break; // keep the pending pull for the next batch
      this.pending = undefined;
      if (ready.done) {
        this.done = true;
        break;
      }
      batch.push(ready.value);
    }
    return batch;
  }

  private take(): Promise<IteratorResult<T>> {
    const pull = this.pending ?? this.iterator.next();
    this.pending = undefined;
    return pull;
  }
}
