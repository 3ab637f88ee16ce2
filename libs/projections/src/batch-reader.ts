/**
 * Groups an async iterator into batches without ever waiting to fill one: it waits for
 * the first item, then takes the items that become available within one turn of the
 * event loop, up to `max`. A turn that brought items allows another (catching up, the
 * next page arrives after one yield of the reader); a turn that brought none ends the
 * batch. Live, items arrive one by one, so batches are single items and nothing lingers
 * unapplied. Items are taken by callbacks and one timer per turn, not a race per item:
 * a rebuild takes millions of them.
 */
export class BatchReader<T> {
  /** A pull still in flight when its batch closed: the next batch starts with it. */
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
    return batch.length >= max ? batch : this.fill(batch, max);
  }

  private fill(batch: T[], max: number): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      let open = true;
      let grew = false;
      const close = (): void => {
        open = false;
        resolve(batch);
      };
      const onTurn = (): void => {
        if (!open) return;
        if (!grew) return close(); // keep the pending pull for the next batch
        grew = false;
        setImmediate(onTurn);
      };
      const onItem = (result: IteratorResult<T>): void => {
        if (!open) return; // the next batch awaits the same pull
        this.pending = undefined;
        if (result.done) {
          this.done = true;
          return close();
        }
        batch.push(result.value);
        grew = true;
        if (batch.length >= max) return close();
        pull();
      };
      const onError = (error: unknown): void => {
        if (!open) return; // the next batch awaits the same pull and gets the error
        open = false;
        this.pending = undefined;
        reject(error);
      };
      const pull = (): void => {
        this.pending = this.iterator.next();
        this.pending.then(onItem, onError);
      };
      setImmediate(onTurn);
      pull();
    });
  }

  private take(): Promise<IteratorResult<T>> {
    const pull = this.pending ?? this.iterator.next();
    this.pending = undefined;
    return pull;
  }
}
