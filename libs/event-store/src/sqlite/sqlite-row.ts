import type { JsonObject, RecordedEvent } from '../event-store.port';

/** The column list every read selects, in this order; rows are read raw (arrays). */
export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, hash';

/** A raw row of EVENT_COLUMNS, integers read as bigint (`safeIntegers`). */
export type EventRow = [bigint, string, bigint, string, string, string, string, string];

type StoredMetadata = JsonObject & { readonly hash: string };

/**
 * Data and metadata are stored as canonical JSON without the hash, which has its own column.
 * Both are parsed on first read, once: a reader of the whole log (projections, replays,
 * exports of some types) mostly looks at the type and skips the event. The getters are
 * own enumerable properties, so spreading, JSON and deep equality see them like any field.
 */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  let data: JsonObject | undefined;
  let metadata: StoredMetadata | undefined;
  return {
    streamId: row[1],
    revision: row[2],
    position: row[0],
    eventId: row[3],
    type: row[4],
    get data(): JsonObject {
      return (data ??= JSON.parse(row[5]) as JsonObject);
    },
    get metadata(): StoredMetadata {
      return (metadata ??= parseMetadata(row[6], row[7]));
    },
  };
}

function parseMetadata(json: string, hash: string): StoredMetadata {
  const metadata = JSON.parse(json) as Record<string, unknown>;
  metadata.hash = hash;
  return metadata as StoredMetadata;
}
