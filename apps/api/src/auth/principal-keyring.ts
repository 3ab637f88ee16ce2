import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EventStore, RecordedEvent, Subscription } from '@vigie/event-store';
import { EVENT_STORE, type Principal } from '@vigie/runtime';
import { PrincipalBook, type LoggedPrincipal } from '@vigie/workflow';
import { setTimeout as sleep } from 'node:timers/promises';
import { FILE_PRINCIPALS, type PrincipalDirectory, type PrincipalLookup } from './principals.token';

const RESUME_AFTER_MS = 200;
const PRINCIPAL_PREFIX = 'principal-';
const REACH_TIMEOUT_MS = 5000;

const asPrincipal = (p: LoggedPrincipal): Principal => ({
  id: p.principalId,
  role: p.role,
  ...(p.agentId !== undefined ? { agentId: p.agentId } : {}),
  ...(p.operatorId !== undefined ? { operatorId: p.operatorId } : {}),
});

/**
 * The keys the API accepts. Each process follows the principal streams of the log by
 * subscription (in-process appends wake it at once, other processes' within the store's
 * poll), so an enrolment, a rotation or a revocation made on any replica holds on every
 * replica within a second, without a restart and without a read model that could lag.
 */
@Injectable()
export class PrincipalKeyring implements PrincipalLookup, OnModuleInit, OnModuleDestroy {
  private readonly book = new PrincipalBook();
  private byKeyHash = new Map<string, Principal>();
  private position = 0n;
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private closed = false;

  constructor(
    @Inject(FILE_PRINCIPALS) private readonly file: PrincipalDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  get(keySha256: string): Principal | undefined {
    return this.file.get(keySha256) ?? this.byKeyHash.get(keySha256);
  }

  async onModuleInit(): Promise<void> {
    // Keys enrolled before this start work from the first request. Only the principal
    // streams are read (through the stream index on SQLite), not the whole log: start-up
    // costs the principals' events, not the history. Every principal event at or before the
    // head read first is among them, so following from that head misses none.
    const head = await this.store.headPosition();
    for await (const event of this.store.readAll({ filter: { streamPrefixes: [PRINCIPAL_PREFIX] } })) this.apply(event);
    if (head > this.position) this.position = head;
    this.following = this.follow();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.subscription?.close();
    await this.following;
  }

  /** Resolves once this process knows every principal event up to `position` (or after a bound). */
  async reach(position: bigint | undefined): Promise<void> {
    if (position === undefined || this.position >= position) return;
    await Promise.race([new Promise<void>((resolve) => this.waiters.push({ position, resolve })), sleep(REACH_TIMEOUT_MS, undefined, { ref: false })]);
  }

  private async follow(): Promise<void> {
    while (!this.closed) {
      const subscription = this.store.subscribe({ after: this.position, filter: { streamPrefixes: [PRINCIPAL_PREFIX] } });
      this.subscription = subscription;
      try {
        for await (const event of subscription) this.apply(event);
      } catch {
        // The store did not answer: resume from the last event applied.
      }
      if (!this.closed) await sleep(RESUME_AFTER_MS, undefined, { ref: false });
    }
  }

  private apply(event: RecordedEvent): void {
    if (event.streamId.startsWith(PRINCIPAL_PREFIX)) {
      this.book.apply(event);
      this.byKeyHash = new Map([...this.book.activeByKeyHash()].map(([hash, p]) => [hash, asPrincipal(p)]));
    }
    this.position = event.position;
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const w of ready) w.resolve();
  }
}
