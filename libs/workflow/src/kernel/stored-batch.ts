import type { DomainEvent } from '@vigie/domain';
import { canonicalJson, EventStoreError, type AppendResult, type EventStore, type RecordedEvent } from '@vigie/event-store';
import type { HandledCommand } from './command-handler';

/** The events of one command stored in a stream from a revision on (its batch, in order). */
export async function storedBatch(store: EventStore, streamId: string, fromRevision: bigint, commandId: string): Promise<RecordedEvent[]> {
  const batch: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId, { fromRevision })) {
    if (event.metadata.commandId === commandId) batch.push(event);
  }
  return batch;
}

/**
 * The outcome as the log holds it. When the stored data differs from what this attempt
 * decided (another attempt of the same command, decided at another instant, was stored
 * first) the attempt did not append anything: `appended` is false and its own decision,
 * with any side effect prepared for it, must be dropped by the caller.
 */
export function asStored<Event extends DomainEvent, State>(
  stored: readonly RecordedEvent[],
  decided: readonly Event[],
  before: State,
  evolve: (state: State, event: Event) => State,
): HandledCommand<Event, State> {
  const last = stored[stored.length - 1];
  if (last === undefined) throw new EventStoreError('An acknowledged append cannot be read back');
  const events = stored.map((e) => ({ type: e.type, data: e.data }) as unknown as Event);
  const same = events.length === decided.length && events.every((e, i) => e.type === decided[i]?.type && canonicalJson(e.data) === canonicalJson(decided[i]?.data));
  return { state: events.reduce(evolve, before), events, appended: same, position: last.position, revision: last.revision };
}

/**
 * The outcome of an append the store reports as written: the events as a read would give
 * them back (their data through the canonical JSON the store keeps), so the answer is the
 * one `asStored` would have made from the log.
 */
export function asWritten<Event extends DomainEvent, State>(
  decided: readonly Event[],
  before: State,
  evolve: (state: State, event: Event) => State,
  result: AppendResult,
): HandledCommand<Event, State> {
  const events = decided.map((e) => ({ type: e.type, data: JSON.parse(canonicalJson(e.data)) as unknown }) as unknown as Event);
  return { state: events.reduce(evolve, before), events, appended: true, position: result.position, revision: result.nextExpectedRevision };
}
