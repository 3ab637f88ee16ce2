import type { JsonObject, RecordedEvent } from '../event-store.port';

/** The column list every read selects, in this order; rows are read raw (arrays). */
export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, hash';

/** A raw row of EVENT_COLUMNS, integers read as bigint (`safeIntegers`). */
export type EventRow = [bigint, string, bigint, string, string, string, string, string];

/** Data and metadata are stored as canonical JSON without the hash, which has its own column. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata = JSON.parse(row[6]) as Record<string, unknown>;
  metadata.hash = row[7];
  return {
    streamId: row[1],
    revision: row[2],
    position: row[0],
    eventId: row[3],
    type: row[4],
    data: JSON.parse(row[5]) as JsonObject,
    metadata: metadata as JsonObject & { readonly hash: string },
  };
}
