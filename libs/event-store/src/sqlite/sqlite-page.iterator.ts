import type { RecordedEvent } from '../event-store.port';
import { type EventRow, toRecordedEvent } from './sqlite-row';

/** Fetches up to `limit` rows after the given last row (undefined: the first page). */
export type PageFetcher = (last: EventRow | undefined, limit: number) => EventRow[];

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** Lets appends and timers run between pages of a long read on the shared connection. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Pages through the log without an async generator: within a page, next() settles at
 * once (one await per event instead of a generator's resumption), which is most of the
 * cost of iterating once rows are parsed. Between pages it yields to the event loop.
 */
export class PagedEventIterator implements AsyncIterableIterator<RecordedEvent> {
  private rows: EventRow[] = [];
  private index = 0;
  private started = false;
  private finished = false;

  constructor(
    private readonly fetch: PageFetcher,
    private readonly pageSize: number,
    private remaining = Number.POSITIVE_INFINITY,
  ) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    if (this.index < this.rows.length) {
      return Promise.resolve({ done: false, value: toRecordedEvent(this.rows[this.index++]) });
    }
    if (this.finished || this.remaining <= 0) return this.return();
    if (!this.started) {
      this.started = true;
      return this.nextPage();
    }
    return yieldToLoop().then(() => this.nextPage());
  }

  return(): Promise<IteratorResult<RecordedEvent>> {
    this.finished = true;
    this.rows = [];
    this.index = 0;
    return Promise.resolve(DONE);
  }

  private nextPage(): Promise<IteratorResult<RecordedEvent>> {
    if (this.finished) return Promise.resolve(DONE);
    const limit = Math.min(this.pageSize, this.remaining);
    let rows: EventRow[];
    try {
      rows = this.fetch(this.rows[this.rows.length - 1], limit);
    } catch (error) {
      this.finished = true;
      return Promise.reject(error);
    }
    this.finished = rows.length < limit; // a short page is the last one
    this.remaining -= rows.length;
    this.rows = rows;
    this.index = 0;
    return this.next();
  }
}
