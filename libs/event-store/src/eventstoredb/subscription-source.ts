import type { AllStreamResolvedEvent } from '@eventstore/db-client';

/** The part of the client's AllStreamSubscription (a Readable) the adapter relies on. */
export interface SubscriptionSource {
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  unsubscribe(): Promise<void>;
}

export type SourceItem =
  | { readonly kind: 'event'; readonly resolved: AllStreamResolvedEvent }
  | { readonly kind: 'dropped'; readonly error?: unknown };

const HIGH_WATER = 512;
const LOW_WATER = 64;

/**
 * Pulls a client subscription one item at a time. We do not `for await` the client's
 * stream directly: its `unsubscribe()` cancels the gRPC call without ending the Readable,
 * so a pending iteration could hang; here stopping always wakes the reader. Flow control
 * pauses the source while too many events wait, so a catch-up never floods memory.
 */
export class SourceReader {
  private readonly items: SourceItem[] = [];
  private wake: (() => void) | undefined;
  private finished = false;
  private paused = false;

  constructor(private readonly source: SubscriptionSource) {
    source.on('data', (resolved) => {
      if (this.finished) return;
      this.push({ kind: 'event', resolved });
      if (this.items.length >= HIGH_WATER && !this.paused) {
        this.paused = true;
        source.pause();
      }
    });
    source.on('error', (error) => this.finish(error));
    source.on('end', () => this.finish(undefined));
    source.on('close', () => this.finish(undefined));
  }

  async next(): Promise<SourceItem> {
    while (this.items.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    const item = this.items.shift() as SourceItem;
    if (this.paused && this.items.length <= LOW_WATER) {
      this.paused = false;
      this.source.resume();
    }
    return item;
  }

  async stop(): Promise<void> {
    this.finish(undefined);
    await this.source.unsubscribe().catch(() => undefined);
  }

  private finish(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.push({ kind: 'dropped', error });
  }

  private push(item: SourceItem): void {
    this.items.push(item);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
