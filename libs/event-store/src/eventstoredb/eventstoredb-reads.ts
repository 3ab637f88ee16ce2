import {
  BACKWARDS,
  END,
  FORWARDS,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  type Direction,
  type EventStoreDBClient,
  type ReadRevision,
  type StreamingRead,
} from '@eventstore/db-client';
import { StreamDeletedError } from '../event-store.errors';
import type { RecordedEvent } from '../event-store.port';
import { toReadError, toRecordedEvent } from './eventstoredb-translate';

/** The calls of the client the adapter makes; a narrow type keeps them in sight. */
export type EsdbClient = Pick<EventStoreDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

/** Iterates a client read and cancels the gRPC call when the caller stops early. */
export async function* drain<T>(read: StreamingRead<T>): AsyncGenerator<T> {
  let complete = false;
  try {
    for await (const item of read) yield item;
    complete = true;
  } finally {
    if (!complete) await read.cancel().catch(() => undefined);
  }
}

/** Events of a stream from a revision; a missing stream yields nothing, a deleted one throws. */
export async function* readStreamEvents(
  client: EsdbClient,
  streamId: string,
  options: { readonly fromRevision: ReadRevision; readonly direction: Direction; readonly maxCount?: number },
): AsyncGenerator<RecordedEvent> {
  const read = client.readStream(streamId, { ...options, resolveLinkTos: false });
  try {
    for await (const resolved of drain(read)) yield toRecordedEvent(resolved);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return;
    if (error instanceof ClientStreamDeletedError) throw new StreamDeletedError(streamId);
    throw toReadError(error, 0n);
  }
}

export async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

/** The last `count` events of a stream, newest first (empty when the stream does not exist). */
export function readTail(client: EsdbClient, streamId: string, count: number): Promise<RecordedEvent[]> {
  return collect(readStreamEvents(client, streamId, { fromRevision: END, direction: BACKWARDS, maxCount: count }));
}

/** Up to `count` events from `revision` on, oldest first. */
export function readAt(client: EsdbClient, streamId: string, revision: bigint, count: number): Promise<RecordedEvent[]> {
  return collect(readStreamEvents(client, streamId, { fromRevision: revision, direction: FORWARDS, maxCount: count }));
}
