import type { DomainEvent } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import { toDomainEvent, type Folding } from './command-handler';

export interface FoldedState<State> {
  /** Deeply frozen: shared by every caller until the stream moves on. */
  readonly state: State;
  /** Revision of the last event folded, or undefined when the stream does not exist. */
  readonly revision: bigint | undefined;
}

interface Entry {
  readonly evolve: unknown;
  readonly folded: FoldedState<unknown>;
}

/** Agents, operators and incidents in use at once stay well under it; a state is a few hundred bytes. */
export const DEFAULT_STREAM_STATE_CAPACITY = 4096;

/**
 * Folded states of long-lived streams (agents, operators, incidents), so that a decision
 * reading them folds only what was appended since its last read, not the stream's whole
 * history. Every load still reads the store, from the revision after the one cached: the
 * log is append-only, so the cached fold plus the events after it is the fold of the
 * whole stream, whichever process appended them. A state is never stale, only cheaper.
 *
 * One cache per WorkflowDeps (each app, each test), bound to its store; least recently
 * used entries are dropped past `capacity`.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = DEFAULT_STREAM_STATE_CAPACITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`A stream state cache holds at least one entry (got ${capacity})`);
  }

  get size(): number {
    return this.entries.size;
  }

  async load<Event extends DomainEvent, State>(streamId: string, decider: Folding<Event, State>): Promise<FoldedState<State>> {
    const entry = this.entries.get(streamId);
    // The same stream folded by another decider (never in Vigie) starts over rather than mixing states.
    const cached = entry !== undefined && entry.evolve === decider.evolve ? (entry.folded as FoldedState<State>) : undefined;
    let state = cached?.state ?? decider.initialState();
    let revision = cached?.revision;
    const events = this.store.readStream(streamId, revision === undefined ? {} : { fromRevision: revision + 1n });
    for await (const recorded of events) {
      state = decider.evolve(state, toDomainEvent<Event>(recorded));
      revision = recorded.revision;
    }
    const folded: FoldedState<State> = cached !== undefined && revision === cached.revision ? cached : { state: deepFreeze(state), revision };
    this.remember(streamId, decider.evolve, folded);
    return folded;
  }

  /** Keeps the furthest fold: two loads of one stream may finish out of order. */
  private remember(streamId: string, evolve: unknown, folded: FoldedState<unknown>): void {
    const current = this.entries.get(streamId);
    const keep = current !== undefined && current.evolve === evolve && isAhead(current.folded.revision, folded.revision);
    this.entries.delete(streamId);
    this.entries.set(streamId, keep ? current : { evolve, folded });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }
}

const isAhead = (a: bigint | undefined, b: bigint | undefined): boolean => a !== undefined && (b === undefined || a > b);

/**
 * States are shared between callers, so none may change one: frozen all the way down.
 * The folds build each new state from a fresh object sharing the unchanged parts, which
 * are frozen already and skipped, so freezing costs what the last events changed.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
