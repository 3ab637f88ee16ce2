import type Database from 'better-sqlite3';
import type { JsonObject, RecordedEvent } from '../event-store.port';

/** The column list every read selects, in this order; rows are read raw (arrays). */
export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, hash';

/** How the reads take their rows: arrays (`EventRow`), integers as bigint. */
export const rawRows = (statement: Database.Statement): Database.Statement => statement.safeIntegers(true).raw(true);

/** A raw row of EVENT_COLUMNS, integers read as bigint (`safeIntegers`). */
export type EventRow = [bigint, string, bigint, string, string, string, string, string];

type StoredMetadata = JsonObject & { readonly hash: string };

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return new StoredEvent(row);
}

let dataField: PropertyDescriptor = {};
let metadataField: PropertyDescriptor = {};

/**
 * Data and metadata are stored as canonical JSON without the hash, which has its own column.
 * Both are parsed on first read, once: a reader of the whole log (projections, replays,
 * exports of some types) mostly looks at the type and skips the event.
 *
 * `data` and `metadata` are own enumerable getters, so spreading, JSON and deep equality
 * see them like any field. The getter functions are shared by every event and keep their
 * state in private fields (invisible to keys, spread and JSON): an object literal with
 * getters made fresh closures per event, which gave every event a map of its own,
 * allocated in old space — the garbage collector then took more time than the read.
 */
class StoredEvent implements RecordedEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly eventId: string;
  readonly type: string;
  declare readonly data: JsonObject;
  declare readonly metadata: StoredMetadata;
  #row: EventRow;
  #data: JsonObject | undefined;
  #metadata: StoredMetadata | undefined;

  constructor(row: EventRow) {
    this.streamId = row[1];
    this.revision = row[2];
    this.position = row[0];
    this.eventId = row[3];
    this.type = row[4];
    this.#row = row;
    // Two defineProperty calls cost half of one defineProperties (no descriptor map to walk).
    Object.defineProperty(this, 'data', dataField);
    Object.defineProperty(this, 'metadata', metadataField);
  }

  static {
    dataField = {
      enumerable: true,
      get(this: StoredEvent): JsonObject {
        return (this.#data ??= JSON.parse(this.#row[5]) as JsonObject);
      },
    };
    metadataField = {
      enumerable: true,
      get(this: StoredEvent): StoredMetadata {
        return (this.#metadata ??= parseMetadata(this.#row[6], this.#row[7]));
      },
    };
  }
}

function parseMetadata(json: string, hash: string): StoredMetadata {
  const metadata = JSON.parse(json) as Record<string, unknown>;
  metadata.hash = hash;
  return metadata as StoredMetadata;
}
