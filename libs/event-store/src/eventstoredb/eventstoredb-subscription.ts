import type { RecordedEvent, SubscriptionFilter, Subscription } from '../event-store.port';
import { matchesFilter } from './eventstoredb-filter';
import { isSystemEvent, toRecordedEvent } from './eventstoredb-translate';
import { SourceReader, type SubscriptionSource } from './subscription-source';

export interface ResubscribeBackoff {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BACKOFF: ResubscribeBackoff = { initialDelayMs: 100, maxDelayMs: 5_000 };

/** Opens a client subscription to $all delivering events after `after` (0n: from the start). */
export type OpenSource = (after: bigint) => SubscriptionSource;

/**
 * The port's Subscription over `subscribeToAll`: catch-up then live is the server's job;
 * this wrapper adds the exclusive checkpoint (skip `position <= checkpoint`), the client
 * side filter, and survives drops: on an error or an unexpected end it resubscribes from
 * the last delivered position after a backoff, so the consumer sees no gap and no duplicate.
 */
export class EventStoreDbSubscription implements Subscription {
  private closed = false;
  private reader: SourceReader | undefined;
  private cancelSleep: (() => void) | undefined;

  constructor(
    private readonly open: OpenSource,
    private readonly after: bigint,
    private readonly filter: SubscriptionFilter | undefined,
    private readonly backoff: ResubscribeBackoff = DEFAULT_BACKOFF,
    private readonly onClose: (subscription: EventStoreDbSubscription) => void = () => undefined,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.run();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelSleep?.();
    await this.reader?.stop();
    this.onClose(this);
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let checkpoint = this.after;
    let failures = 0;
    try {
      while (!this.closed) {
        const reader = new SourceReader(this.open(checkpoint));
        this.reader = reader;
        for (;;) {
          const item = await reader.next();
          if (this.closed || item.kind === 'dropped') break;
          failures = 0;
          if (isSystemEvent(item.resolved)) continue;
          const event = toRecordedEvent(item.resolved);
          if (event.position <= checkpoint || !matchesFilter(event, this.filter)) continue;
          checkpoint = event.position;
          yield event;
          if (this.closed) break;
        }
        await reader.stop();
        if (this.closed) return;
        await this.sleep(this.delay(failures++));
      }
    } finally {
      // Leaving the loop (consumer break, error, close) ends the subscription for good.
      await this.close();
    }
  }

  private delay(failures: number): number {
    return Math.min(this.backoff.maxDelayMs, this.backoff.initialDelayMs * 2 ** failures);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cancelSleep = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
