/** A stored event as the domain sees it: a PascalCase type frozen forever and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * Emmett-style decider: pure functions, no I/O. Time, ids and facts from other streams
 * come in with the command or the context; refusals are thrown as DomainError.
 */
export interface Decider<Command, Event extends DomainEvent, State, Context = undefined> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State, context: Context) => readonly Event[];
}

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState();
  for (const e of events) state = decider.evolve(state, e);
  return state;
};

/** Ends every switch over a union: adding a member without handling it fails to compile. */
export const assertNever = (value: never): never => {
  throw new Error(`Unhandled member: ${JSON.stringify(value)}`);
};
