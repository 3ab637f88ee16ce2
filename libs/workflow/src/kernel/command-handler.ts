import { EVENT_SCHEMA_VERSIONS, type Decider, type DomainEvent } from '@vigie/domain';
import { AppendOutcomeUnknownError, WrongExpectedVersionError, type AppendResult, type EventStore, type RecordedEvent } from '@vigie/event-store';
import { asStored, asWritten, storedBatch } from './stored-batch';
import { eventIdFor, type CommandMeta } from './command-meta';

export interface LoadedStream<State> {
  readonly state: State;
  /** Revision of the last event, or undefined when the stream does not exist. */
  readonly revision: bigint | undefined;
  /** The events read: the whole stream, or only its last one when loaded by `loadFromLastEvent`. */
  readonly recorded: readonly RecordedEvent[];
}

export interface HandledCommand<Event extends DomainEvent, State> {
  readonly state: State;
  /** The events this command produced; on a recognised retry, the ones it produced the first time. */
  readonly events: readonly Event[];
  /** False when the command had already been applied (a retry) or decided nothing. */
  readonly appended: boolean;
  /** Global position of the command's last event (also on a retry); undefined when it decided nothing. */
  readonly position?: bigint;
  /** Revision of the stream after the command. */
  readonly revision?: bigint;
}

export type Folding<Event extends DomainEvent, State> = Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>;

/** How a command handler reads its stream before deciding. */
export type StreamLoad = <Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Folding<Event, State>,
) => Promise<LoadedStream<State>>;

/** Upcasting point: every stored event passes here before any fold. Schema version 1 everywhere for now. */
export const toDomainEvent = <Event extends DomainEvent>(recorded: RecordedEvent): Event =>
  ({ type: recorded.type, data: recorded.data }) as unknown as Event;

export async function loadStream<Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Folding<Event, State>,
): Promise<LoadedStream<State>> {
  let state = decider.initialState();
  const recorded: RecordedEvent[] = [];
  for await (const e of store.readStream(streamId)) {
    state = decider.evolve(state, toDomainEvent<Event>(e));
    recorded.push(e);
  }
  return { state, revision: recorded.length === 0 ? undefined : recorded[recorded.length - 1].revision, recorded };
}

/**
 * Only for a stream whose state is its latest event alone, i.e. whose evolve ignores the
 * state it is given: that event, read backwards from the end, is the whole fold, and the
 * read is one event however long the stream. For any other stream it would drop history.
 */
export async function loadFromLastEvent<Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Folding<Event, State>,
): Promise<LoadedStream<State>> {
  const last = await store.readLastEvent(streamId);
  if (last === undefined) return { state: decider.initialState(), revision: undefined, recorded: [] };
  return { state: decider.evolve(decider.initialState(), toDomainEvent<Event>(last)), revision: last.revision, recorded: [last] };
}

/**
 * The one generic command handler: load the stream, fold, decide, append with the
 * expected revision; on a concurrent change, load and decide once more. A command whose
 * commandId is already in the events loaded (the whole stream, wherever; its last event
 * for a stream loaded with `loadFromLastEvent`) is a retry: nothing is appended and the
 * first outcome is returned. What the handler answers is always what the log holds: the
 * store acknowledges a retry racing its original without writing, so unless the store
 * reports it wrote them the events are read back, and a decision that was not the one
 * stored is never reported.
 */
export async function handleCommand<Command, Event extends DomainEvent, State, Context>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State, Context>,
  command: Command,
  loadContext: (state: State) => Promise<Context> | Context,
  meta: CommandMeta,
  load: StreamLoad = loadStream,
): Promise<HandledCommand<Event, State>> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await load(store, streamId, decider);
    const previous = loaded.recorded.filter((e) => e.metadata.commandId === meta.commandId);
    if (previous.length > 0) {
      const last = previous[previous.length - 1];
      return {
        state: loaded.state,
        events: previous.map((e) => toDomainEvent<Event>(e)),
        appended: false,
        position: last.position,
        revision: loaded.revision,
      };
    }
    const events = decider.decide(command, loaded.state, await loadContext(loaded.state));
    if (events.length === 0) return { state: loaded.state, events, appended: false, revision: loaded.revision };
    const from = loaded.revision === undefined ? 0n : loaded.revision + 1n;
    let result: AppendResult;
    try {
      result = await store.append(
        streamId,
        events.map((e, i) => {
          const eventId = eventIdFor(meta.commandId, streamId, i);
          return { eventId, type: e.type, data: e.data as Record<string, unknown>, metadata: metadataFor(e, meta, eventId) };
        }),
        loaded.revision === undefined ? 'no-stream' : loaded.revision,
      );
    } catch (e) {
      if (e instanceof WrongExpectedVersionError && attempt < 2) continue;
      // The batch may be stored: look once; if it is not (yet) there the caller must retry.
      if (e instanceof AppendOutcomeUnknownError) {
        const stored = await storedBatch(store, streamId, from, meta.commandId).catch(() => []);
        if (stored.length > 0) return asStored(stored, events, loaded.state, decider.evolve);
      }
      throw e;
    }
    // The store wrote this decision itself: what the log holds is known without reading it back.
    if (result.written === true) return asWritten(events, loaded.state, decider.evolve, result);
    const stored = await storedBatch(store, streamId, from, meta.commandId);
    return asStored(stored, events, loaded.state, decider.evolve);
  }
}

const metadataFor = (event: DomainEvent, meta: CommandMeta, eventId: string): Record<string, unknown> => ({
  eventId,
  occurredAt: meta.occurredAt,
  actor: meta.actor,
  commandId: meta.commandId,
  correlationId: meta.correlationId,
  causationId: meta.causationId ?? meta.commandId,
  schemaVersion: EVENT_SCHEMA_VERSIONS[event.type as keyof typeof EVENT_SCHEMA_VERSIONS] ?? 1,
});
