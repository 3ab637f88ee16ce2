import type { EventData } from '@eventstore/db-client';

/**
 * `MaxAppendSize` of servers up to 25.0: 1 MiB per append request. From 25.1 the default
 * is 256 MiB per request with a 16 MiB per-event limit; configure the adapter with the
 * value the cluster runs with (`--max-append-size`).
 */
export const DEFAULT_MAX_APPEND_BYTES = 1_048_576;

/**
 * What the server adds up against the limit for a batch: each event's data and metadata
 * as sent, its type and its 16-byte id. Measured before sending so that an oversized
 * batch is refused with the limit named, rather than after a round trip.
 */
export function appendBytes(events: readonly EventData[]): number {
  let size = 0;
  for (const event of events) {
    const data = event.contentType === 'application/json' ? Buffer.byteLength(JSON.stringify(event.data)) : (event.data as Uint8Array).byteLength;
    size += data + Buffer.byteLength(JSON.stringify(event.metadata ?? {})) + Buffer.byteLength(event.type) + 16;
  }
  return size;
}
