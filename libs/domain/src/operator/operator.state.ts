import { OperatorCategory } from './operator.events';

export type OperatorState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'registered';
      readonly operatorId: string;
      readonly name: string;
      readonly categories: readonly OperatorCategory[];
      readonly registeredAt: string;
    };

/** Whether the operator is registered in that role (an operator may hold both). */
export const hasCategory = (state: OperatorState, category: OperatorCategory): boolean =>
  state.status === 'registered' && state.categories.includes(category);
