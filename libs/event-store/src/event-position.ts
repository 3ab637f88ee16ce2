import { InvalidPositionError } from './event-store.errors';
import type { EventStore } from './event-store.port';

/**
 * Whether a client-supplied position (an audit page's `from`, an export's start) is the
 * position of an event of this log, the only bounds the port accepts. On EventStoreDB a
 * $all position is a byte offset and any other value makes the server refuse the read
 * (InvalidPosition); on SQLite positions are row numbers, checked the same way so both
 * stores answer alike. 0 means "from the start" and is always valid.
 */
export async function isEventPosition(store: EventStore, position: bigint): Promise<boolean> {
  if (position === 0n) return true;
  if (position < 0n) return false;
  try {
    if (store.kind === 'eventstoredb') {
      // The adapter reads from the position itself and surfaces the server's refusal.
      for await (const _event of store.readAll({ after: position, maxCount: 1 })) break;
      return (await store.headPosition()) >= position;
    }
    for await (const event of store.readAll({ after: position - 1n, maxCount: 1 })) return event.position === position;
    return false;
  } catch (error) {
    if (error instanceof InvalidPositionError) return false;
    throw error;
  }
}

/** Throws InvalidPositionError unless `position` is 0 or an event's position. */
export async function assertEventPosition(store: EventStore, position: bigint): Promise<void> {
  if (!(await isEventPosition(store, position))) throw new InvalidPositionError(position);
}
