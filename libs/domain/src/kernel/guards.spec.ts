import { refusal } from './decider-spec';
import { DomainError } from './domain-error';
import { assertNonBlank } from './guards';

describe('assertNonBlank', () => {
  it.each([['' as unknown], ['  \t'], [undefined], [42]])('refuses %p as VALIDATION_FAILED naming the field', (value) => {
    expect(refusal(() => assertNonBlank(value as string, 'label'))).toEqual({ code: 'VALIDATION_FAILED', field: 'label' });
  });

  it('accepts text', () => {
    expect(refusal(() => assertNonBlank('x', 'label'))).toBeUndefined();
  });
});

describe('DomainError', () => {
  it('is named DomainError (logs report it as the error type)', () => {
    expect(new DomainError('NOT_FOUND', 'no such thing').name).toBe('DomainError');
  });
});
