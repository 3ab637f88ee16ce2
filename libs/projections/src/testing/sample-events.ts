import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend } from '@vigie/event-store/event-store.port';

/** One event of a given type, with an amount the sample projection sums. */
export function sampleEvent(type: string, amount = 1): EventToAppend {
  return {
    eventId: randomUUID(),
    type,
    data: { amount },
    metadata: { occurredAt: '2025-01-01T00:00:00.000Z', actor: { id: 'test', role: 'operator' } },
  };
}

/** Appends the types in order, each to its own stream; returns the last position. */
export async function appendSamples(store: EventStore, types: readonly string[], amount = 1): Promise<bigint> {
  let last = 0n;
  for (const type of types) {
    last = (await store.append(`sample-${randomUUID()}`, [sampleEvent(type, amount)], 'no-stream')).position;
  }
  return last;
}

/** `n` types cycling through Ping, Pong and Noise (which the sample projection ignores). */
export function cycle(n: number): string[] {
  return Array.from({ length: n }, (_, i) => ['Ping', 'Pong', 'Noise'][i % 3]);
}
