import { once } from 'node:events';
import type { EventStore, RecordedEvent } from '@vigie/event-store';

/** One archived event: positions as decimal strings, data still encrypted, metadata with its hash. */
export const exportLine = (e: RecordedEvent): string =>
  `${JSON.stringify({
    position: e.position.toString(),
    streamId: e.streamId,
    revision: e.revision.toString(),
    eventId: e.eventId,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
  })}\n`;

export interface ExportSummary {
  readonly events: number;
  /** The last position written: pass it as `--from` to continue the archive. */
  readonly lastPosition?: bigint;
}

/** Lines are grouped into writes of about this many characters. */
const WRITE_CHARS = 1 << 16;

/**
 * Writes the log after `from` (exclusive) as NDJSON, in constant memory: the store reads
 * page by page and the writer's backpressure is honoured (a full buffer waits for
 * `drain`), so a log larger than memory streams to disk.
 */
export async function exportNdjson(store: EventStore, out: NodeJS.WritableStream, from = 0n): Promise<ExportSummary> {
  let events = 0;
  let lastPosition: bigint | undefined;
  let buffer = '';
  const write = async (): Promise<void> => {
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await once(out, 'drain');
  };
  for await (const event of store.readAll({ after: from })) {
    buffer += exportLine(event);
    events++;
    lastPosition = event.position;
    if (buffer.length >= WRITE_CHARS) await write();
  }
  if (buffer.length > 0) await write();
  return lastPosition === undefined ? { events } : { events, lastPosition };
}
