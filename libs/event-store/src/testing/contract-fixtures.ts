import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, RecordedEvent, Subscription } from '../event-store.port';

/** What the contract suite needs from an adapter under test. */
export interface ContractSubject {
  readonly store: EventStore;
  /** Closes the current store and opens a new one on the same data. */
  reopen(): Promise<EventStore>;
  /** Closes whatever store is open and removes what the factory created. */
  cleanup(): Promise<void>;
}

export type ContractFactory = () => Promise<ContractSubject>;

/** The subject of the running test, created before each test and cleaned up after it. */
export interface ContractContext {
  readonly subject: ContractSubject;
  readonly store: EventStore;
}

/** A prefix unique to one test: the suite may run against a shared, non-empty server. */
export const uniquePrefix = (): string => `contract${randomUUID().replace(/-/g, '')}-`;

export function newEvent(type: string, data: Record<string, unknown> = {}): EventToAppend {
  const eventId = randomUUID();
  return {
    eventId,
    type,
    data,
    metadata: {
      eventId,
      occurredAt: '2025-03-01T10:00:00.000Z',
      actor: { principalId: 'p-contract', role: 'agent' },
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      schemaVersion: 1,
    },
  };
}

export const newEvents = (count: number, type = 'ContractTested'): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => newEvent(type, { i }));

export async function collect(source: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of source) out.push(e);
  return out;
}

/** Every event after `after` whose stream starts with `prefix`, in log order. */
export async function readAllOf(store: EventStore, prefix: string, after = 0n): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of store.readAll({ after })) if (e.streamId.startsWith(prefix)) out.push(e);
  return out;
}

/**
 * Takes exactly `count` events from a subscription. One that hands out nothing for
 * `idleMs` while more are due has lost them: the take then fails, saying how many came,
 * instead of leaving the test to hang until its timeout (a mutation run stops a hanging
 * test as "timed out", not as failed).
 */
export async function take(subscription: Subscription, count: number, idleMs = 3000): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  if (count === 0) return out;
  const iterator = subscription[Symbol.asyncIterator]();
  while (out.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`take: ${out.length} of ${count} events, then none for ${idleMs} ms`)), idleMs);
    });
    try {
      const next = await Promise.race([iterator.next(), idle]);
      if (next.done === true) break;
      out.push(next.value);
    } finally {
      clearTimeout(timer);
    }
  }
  return out;
}

export const ids = (events: readonly { readonly eventId: string }[]): string[] => events.map((e) => e.eventId);
