import type { EventStore } from '@vigie/event-store';
import { PrincipalBook } from './principal-book';

/**
 * The principals read from the log itself up to its head, never from a read model: the
 * last-admin rule and the list must not miss an enrolment because a projection lags. Each
 * scan resumes where the previous one stopped.
 */
class PrincipalLogIndex {
  private readonly book = new PrincipalBook();
  private after = 0n;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  read(): Promise<PrincipalBook> {
    const run = this.queue.then(() => this.catchUp());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async catchUp(): Promise<PrincipalBook> {
    // The principal streams only: the first read after a start costs the principals' events, not the history.
    for await (const event of this.store.readAll({ after: this.after, filter: { streamPrefixes: ['principal-'] } })) {
      this.after = event.position;
      this.book.apply(event);
    }
    return this.book;
  }
}

const indexes = new WeakMap<EventStore, PrincipalLogIndex>();

export function principalsFromLog(store: EventStore): Promise<PrincipalBook> {
  let index = indexes.get(store);
  if (index === undefined) {
    index = new PrincipalLogIndex(store);
    indexes.set(store, index);
  }
  return index.read();
}
