import type { RecordedEvent, SubscriptionFilter } from '@vigie/event-store/event-store.port';

export function matches(event: RecordedEvent, filter: SubscriptionFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  return true;
}

export interface LiveReadSource {
  /** Exclusive start position. */
  readonly after: bigint;
  /** The event at a 0-based log index (position - 1), or undefined past the head. */
  readonly at: (index: number) => RecordedEvent | undefined;
  readonly isOpen: () => boolean;
  /** Resolves on the next append or on close. */
  readonly waitForAppend: () => Promise<void>;
  readonly keep: (event: RecordedEvent) => boolean;
}

/**
 * Catch-up and live are the same loop over one cursor: the check for "nothing more"
 * and the registration of the wake-up happen in the same synchronous step, so an
 * append can fall neither in a gap nor twice.
 */
export async function* readLive(source: LiveReadSource): AsyncGenerator<RecordedEvent> {
  let index = Number(source.after);
  while (source.isOpen()) {
    const event = source.at(index);
    if (!event) {
      await source.waitForAppend();
      continue;
    }
    index += 1;
    if (source.keep(event)) yield event;
  }
}
