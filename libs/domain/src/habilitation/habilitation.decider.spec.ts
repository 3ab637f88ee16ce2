import { fold } from '../kernel/decider';
import { given } from '../kernel/decider-spec';
import { TransmitHabilitationList } from './habilitation.commands';
import { habilitationListsDecider } from './habilitation.decider';
import { HabilitationListTransmitted } from './habilitation.events';
import { nextListVersion } from './habilitation.rules';
import { isOnLatestList, latestList } from './habilitation.state';

const transmit = (agentIds: string[], transmittedAt = '2026-01-05T10:00:00.000Z'): TransmitHabilitationList => ({
  type: 'TransmitHabilitationList',
  data: { agentIds, transmittedAt },
});
const transmitted = (listVersion: number, agentIds: string[], transmittedAt = '2026-01-05T10:00:00.000Z'): HabilitationListTransmitted => ({
  type: 'HabilitationListTransmitted',
  data: { listVersion, agentIds, transmittedAt },
});

describe('habilitation lists decider', () => {
  it('transmits the first list as version 1, sorted and without repetition', () => {
    given(habilitationListsDecider)
      .when(transmit(['ag-2', 'ag-1', 'ag-2']))
      .then([transmitted(1, ['ag-1', 'ag-2'])]);
  });

  it('numbers each new list after the previous one', () => {
    given(habilitationListsDecider, [transmitted(1, ['ag-1']), transmitted(2, ['ag-1', 'ag-2'])])
      .when(transmit(['ag-2'], '2026-02-01T00:00:00.000Z'))
      .then([transmitted(3, ['ag-2'], '2026-02-01T00:00:00.000Z')]);
  });

  it('refuses an empty list: NO_HABILITATED_AGENT', () => {
    given(habilitationListsDecider).when(transmit([])).thenRefuses('NO_HABILITATED_AGENT');
  });

  it('is the last list alone, whatever state came before: one event is the whole fold', () => {
    const last = transmitted(7, ['ag-3'], '2026-03-01T00:00:00.000Z');
    const before = fold(habilitationListsDecider, [transmitted(5, ['ag-1']), transmitted(6, ['ag-1', 'ag-2'])]);
    expect(habilitationListsDecider.evolve(before, last)).toEqual(habilitationListsDecider.evolve(habilitationListsDecider.initialState(), last));
    expect(nextListVersion(fold(habilitationListsDecider, [last]))).toBe(8);
  });

  it('keeps only the latest list', () => {
    expect(latestList(habilitationListsDecider.initialState())).toBeUndefined();
    const state = fold(habilitationListsDecider, [transmitted(1, ['ag-1']), transmitted(2, ['ag-2'])]);
    expect(latestList(state)).toEqual(transmitted(2, ['ag-2']).data);
    expect(isOnLatestList(state, 'ag-2')).toBe(true);
    expect(isOnLatestList(state, 'ag-1')).toBe(false);
  });
});

describe('habilitation list refusals name the field at fault', () => {
  it('transmittedAt', () => {
    given(habilitationListsDecider).when(transmit(['ag-1'], '2026-01-05T25:00:00.000Z')).thenRefuses('VALIDATION_FAILED', { field: 'transmittedAt' });
  });
});
