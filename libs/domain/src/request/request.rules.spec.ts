import { refusal, refusalCode } from '../kernel/decider-spec';
import { operatorWith } from './request.fixtures';
import {
  assertDataCategories,
  assertDataPeriod,
  assertIdentifiers,
  identificationAddresseeRole,
  legalBasisOf,
  technicalDataAddresseeRole,
} from './request.rules';
import { DataCategory, TechnicalIdentifier } from './request.types';

const filedAt = '2026-03-10T08:00:00.000Z';
const telco = operatorWith('electronic-communications');
const ip = (over: Partial<TechnicalIdentifier> = {}): TechnicalIdentifier => ({
  type: 'ipv4',
  value: '192.0.2.10',
  observedAt: '2026-03-09T22:00:00.000Z',
  ...over,
});

describe('legal basis of a request', () => {
  it('is paragraph 1 for identification, paragraph 2 for technical data', () => {
    expect(legalBasisOf('subscriber-identification')).toBe('L2321-3 al. 1');
    expect(legalBasisOf('technical-data')).toBe('L2321-3 al. 2');
  });
});

describe('addressee roles', () => {
  it('refuses identification from an operator holding neither role: OPERATOR_CATEGORY_NOT_ALLOWED', () => {
    expect(refusalCode(() => identificationAddresseeRole({ status: 'unknown' }))).toBe('OPERATOR_CATEGORY_NOT_ALLOWED');
  });

  it('accepts technical data asked explicitly of the electronic-communications role', () => {
    expect(technicalDataAddresseeRole(telco, 'electronic-communications')).toBe('electronic-communications');
  });
});

describe('assertIdentifiers', () => {
  it('refuses no identifier, and an unknown type: VALIDATION_FAILED', () => {
    expect(refusalCode(() => assertIdentifiers([], filedAt))).toBe('VALIDATION_FAILED');
    expect(refusalCode(() => assertIdentifiers([ip(), ip({ type: 'email' as TechnicalIdentifier['type'] })], filedAt))).toBe('VALIDATION_FAILED');
  });

  it('accepts an identifier observed at the very instant of filing, not after', () => {
    expect(refusalCode(() => assertIdentifiers([ip({ observedAt: filedAt })], filedAt))).toBeUndefined();
    expect(refusalCode(() => assertIdentifiers([ip({ observedAt: '2026-03-10T08:00:00.001Z' })], filedAt))).toBe('PERIOD_INVALID');
  });

  it('names the malformed instant', () => {
    expect(refusal(() => assertIdentifiers([ip({ observedAt: 'x' })], filedAt))).toEqual({ code: 'VALIDATION_FAILED', field: 'identifiers.observedAt' });
    expect(refusal(() => assertIdentifiers([ip()], 'x'))).toEqual({ code: 'VALIDATION_FAILED', field: 'filedAt' });
  });
});

describe('assertDataCategories (R10-15 CPCE)', () => {
  it.each([[[]], [['traffic', 'traffic']], [['traffic', 'content']]])('refuses %p: VALIDATION_FAILED', (categories) => {
    expect(refusalCode(() => assertDataCategories(categories as DataCategory[]))).toBe('VALIDATION_FAILED');
  });
});

describe('assertDataPeriod (from < to ≤ filedAt)', () => {
  it('accepts a period ending at the very instant of filing', () => {
    expect(refusalCode(() => assertDataPeriod({ from: '2026-03-01T00:00:00.000Z', to: filedAt }, filedAt))).toBeUndefined();
  });

  it.each([
    ['period.from', { from: 'x', to: filedAt }, filedAt],
    ['period.to', { from: '2026-03-01T00:00:00.000Z', to: 'x' }, filedAt],
    ['filedAt', { from: '2026-03-01T00:00:00.000Z', to: filedAt }, 'x'],
  ])('names the malformed %s', (field, period, at) => {
    expect(refusal(() => assertDataPeriod(period, at))).toEqual({ code: 'VALIDATION_FAILED', field });
  });
});
