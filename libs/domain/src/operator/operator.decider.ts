import { assertNever, Decider } from '../kernel/decider';
import { assertNonBlank } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { OperatorCommand, RegisterOperator } from './operator.commands';
import { OperatorEvent } from './operator.events';
import { assertOperatorCategories, assertOperatorIsNew } from './operator.rules';
import { OperatorState } from './operator.state';

export const initialOperatorState = (): OperatorState => ({ status: 'unknown' });

export const evolveOperator = (state: OperatorState, event: OperatorEvent): OperatorState => {
  switch (event.type) {
    case 'OperatorRegistered':
      return { status: 'registered', ...event.data };
    default:
      return assertNever(event.type);
  }
};

const register = ({ data }: RegisterOperator, state: OperatorState): OperatorEvent[] => {
  assertOperatorIsNew(state);
  assertNonBlank(data.name, 'name');
  assertOperatorCategories(data.categories);
  instantMs(data.registeredAt, 'registeredAt');
  const { operatorId, name, categories, registeredAt } = data;
  return [{ type: 'OperatorRegistered', data: { operatorId, name, categories: [...categories], registeredAt } }];
};

export const decideOperator = (command: OperatorCommand, state: OperatorState): OperatorEvent[] => {
  switch (command.type) {
    case 'RegisterOperator':
      return register(command, state);
    default:
      return assertNever(command.type);
  }
};

export const operatorDecider: Decider<OperatorCommand, OperatorEvent, OperatorState> = {
  initialState: initialOperatorState,
  evolve: evolveOperator,
  decide: decideOperator,
};
