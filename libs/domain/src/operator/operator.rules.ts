import { DomainError } from '../kernel/domain-error';
import { hasDuplicates, validationFailed } from '../kernel/guards';
import { OPERATOR_CATEGORIES, OperatorCategory } from './operator.events';
import { OperatorState } from './operator.state';

/**
 * L2321-3 al. 1: an addressee is an electronic-communications operator (L34-1 II bis CPCE)
 * and/or a hosting provider (2 of I of art. 6, loi 2004-575); at least one role, each once.
 */
export const assertOperatorCategories = (categories: readonly OperatorCategory[]): void => {
  if (!Array.isArray(categories) || categories.length === 0) {
    throw validationFailed('categories must name at least one role');
  }
  if (categories.some((c) => !OPERATOR_CATEGORIES.includes(c))) {
    throw validationFailed(`categories must be among ${OPERATOR_CATEGORIES.join(', ')}`);
  }
  if (hasDuplicates(categories)) throw validationFailed('categories must not repeat');
};

/** Workflow: an operator is registered once; its stream id is its identity. */
export const assertOperatorIsNew = (state: OperatorState): void => {
  if (state.status !== 'unknown') throw new DomainError('OPERATOR_EXISTS', 'operator already registered');
};

/** Workflow: commands that name an operator need it registered. */
export const assertOperatorRegistered = (state: OperatorState): void => {
  if (state.status !== 'registered') throw new DomainError('OPERATOR_NOT_FOUND', 'operator is not registered');
};
