import { DomainEvent } from '../kernel/decider';

/** L2321-3 al. 1: the addressees are electronic-communications operators and hosting providers. */
export const OPERATOR_CATEGORIES = ['electronic-communications', 'hosting'] as const;
export type OperatorCategory = (typeof OPERATOR_CATEGORIES)[number];

export interface OperatorRegisteredData {
  readonly operatorId: string;
  readonly name: string;
  readonly categories: readonly OperatorCategory[];
  readonly registeredAt: string;
}

export type OperatorRegistered = DomainEvent<'OperatorRegistered', OperatorRegisteredData>;

export type OperatorEvent = OperatorRegistered;

export const OPERATOR_EVENT_TYPES = ['OperatorRegistered'] as const satisfies readonly OperatorEvent['type'][];
