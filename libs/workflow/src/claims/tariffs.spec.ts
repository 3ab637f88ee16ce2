import type { ServedFacts } from '@vigie/domain';
import { expectedCents, tariffFor, ZERO_TARIFFS, type TariffTable } from './tariffs';

const table: TariffTable = {
  default: {
    'subscriber-identification': { perRequestCents: 1_500, perRecordCents: 10 },
    'technical-data': { perRequestCents: 9_000 },
  },
  operators: { 'op-1': { 'technical-data': { perRecordCents: 25 } } },
};

const fact = (kind: ServedFacts['kind'], recordCount: number): ServedFacts => ({
  requestId: `rq-${kind}-${recordCount}`,
  operatorId: 'op-1',
  addresseeRole: 'electronic-communications',
  kind,
  served: true,
  recordCount,
});

describe('tariffs (L2321-3 al. 3: arrêté of the Prime Minister, agreed per operator)', () => {
  it('takes an operator price first, then the default, then zero', () => {
    expect(tariffFor(table, 'op-1', 'technical-data')).toEqual({ perRequestCents: 9_000, perRecordCents: 25 });
    expect(tariffFor(table, 'op-2', 'technical-data')).toEqual({ perRequestCents: 9_000, perRecordCents: 0 });
    expect(tariffFor(table, 'op-1', 'subscriber-identification')).toEqual({ perRequestCents: 1_500, perRecordCents: 10 });
    expect(tariffFor(ZERO_TARIFFS, 'op-1', 'technical-data')).toEqual({ perRequestCents: 0, perRecordCents: 0 });
  });

  it('sums per request and per delivered record, exactly', () => {
    // (1500 + 10×4) + (1500 + 0: declined) + (9000 + 25×3)
    expect(expectedCents(table, 'op-1', [fact('subscriber-identification', 4), fact('subscriber-identification', 0), fact('technical-data', 3)])).toBe(12_115);
    expect(expectedCents(ZERO_TARIFFS, 'op-1', [fact('technical-data', 10_000)])).toBe(0);
  });

  it('stays exact at the largest allowed prices (1000 requests of 10000 records)', () => {
    const max: TariffTable = { default: { 'technical-data': { perRequestCents: 1e12, perRecordCents: 1e8 } }, operators: {} };
    const many = Array.from({ length: 1000 }, () => fact('technical-data', 10_000));
    expect(expectedCents(max, 'op-1', many)).toBe(2_000_000_000_000_000);
  });
});
