import { fold } from '../kernel/decider';
import { given, refusalCode } from '../kernel/decider-spec';
import { RegisterOperator } from './operator.commands';
import { operatorDecider } from './operator.decider';
import { OperatorCategory, OperatorRegistered } from './operator.events';
import { assertOperatorRegistered } from './operator.rules';
import { hasCategory } from './operator.state';

const at = '2026-01-10T09:00:00.000Z';
const register = (over: Partial<RegisterOperator['data']> = {}): RegisterOperator => ({
  type: 'RegisterOperator',
  data: { operatorId: 'op-1', name: 'Telco', categories: ['electronic-communications'], registeredAt: at, ...over },
});
const registered: OperatorRegistered = {
  type: 'OperatorRegistered',
  data: { operatorId: 'op-1', name: 'Telco', categories: ['electronic-communications'], registeredAt: at },
};

describe('operator decider', () => {
  it('registers a new operator with its roles', () => {
    given(operatorDecider).when(register()).then([registered]);
  });

  it('registers an operator that is both electronic-communications operator and host', () => {
    const categories = ['electronic-communications', 'hosting'] as const;
    given(operatorDecider)
      .when(register({ categories: [...categories] }))
      .then([{ ...registered, data: { ...registered.data, categories: [...categories] } }]);
  });

  it('refuses a second registration: OPERATOR_EXISTS', () => {
    given(operatorDecider, [registered]).when(register()).thenRefuses('OPERATOR_EXISTS');
  });

  it.each([
    ['no role', { categories: [] }],
    ['a repeated role', { categories: ['hosting', 'hosting'] }],
    ['an unknown role', { categories: ['bank'] }],
    ['a blank name', { name: ' ' }],
    ['a malformed date', { registeredAt: 'yesterday' }],
  ])('refuses %s: VALIDATION_FAILED', (_label, over) => {
    given(operatorDecider)
      .when(register(over as Partial<RegisterOperator['data']>))
      .thenRefuses('VALIDATION_FAILED');
  });

  it('evolves to a registered state that answers role questions', () => {
    const state = fold(operatorDecider, [registered]);
    expect(state).toEqual({ status: 'registered', ...registered.data });
    expect(hasCategory(state, 'electronic-communications')).toBe(true);
    expect(hasCategory(state, 'hosting')).toBe(false);
    expect(hasCategory(operatorDecider.initialState(), 'hosting')).toBe(false);
  });
});

describe('operator refusals name the field at fault, and roles are checked one by one', () => {
  it.each([
    ['name', register({ name: ' ' })],
    ['registeredAt', register({ registeredAt: '2026-01-10T09:00:00.000' })],
  ])('RegisterOperator: %s', (field, command) => {
    given(operatorDecider).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });

  it('refuses a known role listed beside an unknown one', () => {
    const categories = ['electronic-communications', 'search-engine'] as unknown as OperatorCategory[];
    given(operatorDecider).when(register({ categories })).thenRefuses('VALIDATION_FAILED');
  });

  it('assertOperatorRegistered: OPERATOR_NOT_FOUND until registered', () => {
    expect(refusalCode(() => assertOperatorRegistered(fold(operatorDecider, [])))).toBe('OPERATOR_NOT_FOUND');
    expect(refusalCode(() => assertOperatorRegistered(fold(operatorDecider, [registered])))).toBeUndefined();
  });
});
