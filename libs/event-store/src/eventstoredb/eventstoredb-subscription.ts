import { SubscriptionFailedError } from '../event-store.errors';
import type { RecordedEvent, SubscriptionFilter, Subscription } from '../event-store.port';
import { matchesFilter } from './eventstoredb-filter';
import { isPermanentSubscriptionError, isSystemEvent, toRecordedEvent } from './eventstoredb-translate';
import { SourceReader, type SubscriptionSource } from './subscription-source';

export interface ResubscribeBackoff {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** Hooks for metrics and logs; a throwing hook never breaks the subscription. */
export interface SubscriptionObserver {
  /** A transient drop: the subscription reopens from `from` after `delayMs`. */
  onReconnect?(info: { readonly from: bigint; readonly attempt: number; readonly delayMs: number; readonly cause: unknown }): void;
  /** A permanent error: the subscription ends with it (it is also thrown to the consumer). */
  onFailed?(error: SubscriptionFailedError): void;
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
    private readonly observer: SubscriptionObserver = {},
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
        let cause: unknown;
        for (;;) {
          const item = await reader.next();
          if (this.closed) break;
          if (item.kind === 'dropped') {
            cause = item.error;
            break;
          }
          failures = 0;
          if (isSystemEvent(item.resolved)) continue;
          let event: RecordedEvent;
          try {
            event = toRecordedEvent(item.resolved);
          } catch (error) {
            cause = error;
            break;
          }
          if (event.position <= checkpoint || !matchesFilter(event, this.filter)) continue;
          checkpoint = event.position;
          yield event;
          if (this.closed) break;
        }
        await reader.stop();
        if (this.closed) return;
        if (isPermanentSubscriptionError(cause)) throw this.failed(cause);
        const delayMs = this.delay(failures++);
        this.notify(() => this.observer.onReconnect?.({ from: checkpoint, attempt: failures, delayMs, cause }));
        await this.sleep(delayMs);
      }
    } finally {
      // Leaving the loop (consumer break, error, close) ends the subscription for good.
      await this.close();
    }
  }

  private failed(cause: unknown): SubscriptionFailedError {
    const error = new SubscriptionFailedError(cause);
    this.notify(() => this.observer.onFailed?.(error));
    return error;
  }

  private notify(hook: () => void): void {
    try {
      hook();
    } catch {
      return;
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
