import { Decider, DomainEvent, fold } from './decider';
import { DomainError } from './domain-error';

/**
 * given(events).when(command, context).then(events) | .thenRefuses(code) for decider specs
 * (Emmett's DeciderSpecification, without the framework). Used from jest specs only.
 */
type ContextArgs<Context> = undefined extends Context ? [context?: Context] : [context: Context];

export interface DeciderScenario<Event> {
  /** The decider emits exactly these events, in this order. */
  then(expected: readonly Event[]): void;
  /** The decider refuses with a DomainError carrying this code (and, when given, this validation `field`). */
  thenRefuses(code: string, expected?: { readonly field?: string }): void;
}

export const given = <Command, Event extends DomainEvent, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  events: readonly Event[] = [],
) => ({
  when: (command: Command, ...context: ContextArgs<Context>): DeciderScenario<Event> => {
    const run = (): readonly Event[] => decider.decide(command, fold(decider, events), context[0] as Context);
    return {
      // Strict: an optional field left out of an event must be absent, not present as undefined.
      then: (expected) => expect(run()).toStrictEqual(expected),
      thenRefuses: (code, expected) => {
        let caught: unknown;
        try {
          run();
        } catch (error) {
          caught = error;
        }
        if (!(caught instanceof DomainError)) {
          throw new Error(`expected a refusal with code ${code}, got ${caught === undefined ? 'events' : String(caught)}`);
        }
        expect(caught.code).toBe(code);
        if (expected !== undefined) expect(caught.field).toBe(expected.field);
      },
    };
  },
});

/** Runs `fn` and returns the DomainError code it throws (for rule specs outside a decider). */
export const refusalCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

/** Runs `fn` and returns the code and field of the DomainError it throws (undefined when it throws none). */
export const refusal = (fn: () => unknown): { code: string; field: string | undefined } | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  return undefined;
};
