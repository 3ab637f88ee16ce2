import { EventEmitter } from 'node:events';

/**
 * The right to be the one process doing a job several processes could do (the projection
 * runner, the retention scheduler): at most one holder at a time, and a holder that dies
 * loses it without anyone's help, so a standby takes over.
 *
 * Events: 'acquired' when this process becomes the holder; 'lost' when it stops being the
 * holder against its will (it keeps trying to get the lease back). Listeners must not throw.
 */
export interface Lease {
  readonly name: string;
  readonly held: boolean;
  /** Tries now (resolves once that first try is over), then keeps trying in the background until `stop`. */
  start(): Promise<void>;
  /** Stops trying and gives the lease up if held, so a standby can take over at its next try. */
  stop(): Promise<void>;
  on(event: 'acquired' | 'lost', listener: () => void): this;
  off(event: 'acquired' | 'lost', listener: () => void): this;
}

export const DEFAULT_LEASE_RETRY_MS = 1000;

/** Names end up in file names and lock keys: keep them plain. */
export const assertLeaseName = (name: string): void => {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) throw new Error(`A lease name is lowercase letters, digits and dashes: ${JSON.stringify(name)}`);
};

/** The background loop shared by every kind of lease: try to acquire while free, check while held. */
export abstract class PollingLease extends EventEmitter implements Lease {
  private running = false;
  private isHeld = false;
  private timer: NodeJS.Timeout | undefined;
  private step: Promise<void> | undefined;
  private tries = 0;

  protected constructor(
    readonly name: string,
    private readonly retryMs: number,
  ) {
    super();
    assertLeaseName(name);
  }

  get held(): boolean {
    return this.isHeld;
  }

  /** How many times this process tried to acquire the lease (a standby's pulse). */
  get attempts(): number {
    return this.tries;
  }

  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.running = true;
    // The first try runs now, so a process that can hold the lease starts its duties at once.
    const first = this.turn().finally(() => {
      this.step = undefined;
      if (this.running) this.schedule(this.retryMs);
    });
    this.step = first;
    return first;
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.step;
    this.isHeld = false;
    await this.release().catch(() => undefined);
  }

  /** Takes the lease if it is free; false if another holder has it. */
  protected abstract tryAcquire(): Promise<boolean>;
  /** Whether the lease taken is still this process's (a connection may have gone). */
  protected abstract stillHeld(): Promise<boolean>;
  /** Gives the lease up if held and frees what holding or trying needed. */
  protected abstract release(): Promise<void>;

  /** For the subclasses: the lease went away under us (a connection dropped). */
  protected markLost(): void {
    if (!this.isHeld) return;
    this.isHeld = false;
    this.announce('lost');
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.step = this.turn().finally(() => {
        this.step = undefined;
        if (this.running) this.schedule(this.retryMs);
      });
    }, delayMs);
    // The lease alone must not keep a process alive that has nothing else left to do.
    this.timer.unref();
  }

  private async turn(): Promise<void> {
    if (this.isHeld) {
      const kept = await this.stillHeld().catch(() => false);
      if (!kept) {
        this.markLost();
        await this.release().catch(() => undefined);
      }
      return;
    }
    this.tries += 1;
    const acquired = await this.tryAcquire().catch(() => false);
    if (!acquired || !this.running) return;
    this.isHeld = true;
    this.announce('acquired');
  }

  private announce(event: 'acquired' | 'lost'): void {
    try {
      this.emit(event);
    } catch (error) {
      // A failing listener must not make the loop believe the lease changed hands.
      process.emitWarning(`A ${event} listener of lease ${this.name} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
