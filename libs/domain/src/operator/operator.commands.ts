import { DomainCommand } from '../kernel/command';
import { OperatorCategory } from './operator.events';

export type RegisterOperator = DomainCommand<
  'RegisterOperator',
  {
    readonly operatorId: string;
    readonly name: string;
    readonly categories: readonly OperatorCategory[];
    readonly registeredAt: string;
  }
>;

export type OperatorCommand = RegisterOperator;
