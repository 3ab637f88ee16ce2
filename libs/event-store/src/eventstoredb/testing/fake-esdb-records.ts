import { EVENT_TYPE, type AllStreamRecordedEvent, type AllStreamResolvedEvent, type Filter, type ResolvedEvent } from '@eventstore/db-client';

/**
 * One record of the fake server's transaction log. Payloads are kept as the bytes the
 * client would send (JSON text), so every read hands out fresh objects, as gRPC does.
 */
export interface StoredRecord {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  /** commit = prepare: since EventStoreDB 20 every gRPC append is an implicit transaction. */
  readonly position: bigint;
  readonly created: Date;
  readonly data: { readonly kind: 'json'; readonly text: string } | { readonly kind: 'binary'; readonly bytes: Uint8Array };
  readonly metadata: string | undefined;
}

function toRecorded(record: StoredRecord): AllStreamRecordedEvent {
  const common = {
    streamId: record.streamId,
    id: record.id,
    revision: record.revision,
    type: record.type,
    created: record.created,
    metadata: record.metadata === undefined ? undefined : (JSON.parse(record.metadata) as Record<string, unknown>),
    position: { commit: record.position, prepare: record.position },
  };
  if (record.data.kind === 'binary') return { ...common, isJson: false, data: new Uint8Array(record.data.bytes) };
  return { ...common, isJson: true, data: JSON.parse(record.data.text) as Record<string, unknown> };
}

/** What a $all read or subscription delivers: the event and its commit position. */
export function toAllResolved(record: StoredRecord): AllStreamResolvedEvent {
  return { event: toRecorded(record), commitPosition: record.position };
}

/** What a stream read delivers: no commitPosition, the position only on the event (server 22.6+). */
export function toStreamResolved(record: StoredRecord): ResolvedEvent {
  return { event: toRecorded(record) };
}

/** The server-side filter of subscribeToAll: a regex or prefixes, on the event type or the stream name. */
export function matchesServerFilter(record: StoredRecord, filter: Filter | undefined): boolean {
  if (filter === undefined) return true;
  const subject = filter.filterOn === EVENT_TYPE ? record.type : record.streamId;
  if ('regex' in filter) return new RegExp(filter.regex).test(subject);
  return filter.prefixes.some((prefix) => subject.startsWith(prefix));
}
