import { jsonEvent, type EventData } from '@eventstore/db-client';
import type { EventToAppend } from '../event-store.port';
import { chainHash } from '../hash-chain';

/**
 * Links a batch into its stream's hash chain and shapes it for the client: each event's
 * metadata gets `hash = chainHash(previous hash, type, data, metadata)`, the previous
 * hash being the stream's last stored event (or GENESIS_HASH) for the first one.
 */
export function toEventData(previousHash: string, events: readonly EventToAppend[]): EventData[] {
  let previous = previousHash;
  return events.map((event) => {
    const hash = chainHash(previous, event.type, event.data, event.metadata);
    previous = hash;
    return jsonEvent({
      id: event.eventId,
      type: event.type,
      data: { ...event.data },
      metadata: { ...event.metadata, hash },
    });
  });
}
