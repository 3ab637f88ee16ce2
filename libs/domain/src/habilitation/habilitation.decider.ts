import { assertNever, Decider } from '../kernel/decider';
import { instantMs } from '../kernel/instant';
import { HabilitationCommand, TransmitHabilitationList } from './habilitation.commands';
import { HabilitationEvent } from './habilitation.events';
import { assertListNotEmpty, nextListVersion, normaliseAgentIds } from './habilitation.rules';
import { HabilitationListsState } from './habilitation.state';

export const initialHabilitationListsState = (): HabilitationListsState => ({ status: 'none' });

/**
 * L2321-3 al. 1: the agents who may file are those "dont la liste est transmise à
 * l'ARCEP", i.e. on the latest list transmitted; earlier lists decide nothing. So the state
 * is the last list alone and the previous state is ignored, which lets the workflow read
 * this stream from its last event only, however many lists were sent.
 */
export const evolveHabilitationLists = (
  _state: HabilitationListsState,
  event: HabilitationEvent,
): HabilitationListsState => {
  switch (event.type) {
    case 'HabilitationListTransmitted':
      return { status: 'transmitted', latest: event.data };
    default:
      return assertNever(event.type);
  }
};

const transmit = ({ data }: TransmitHabilitationList, state: HabilitationListsState): HabilitationEvent[] => {
  instantMs(data.transmittedAt, 'transmittedAt');
  assertListNotEmpty(data.agentIds);
  return [
    {
      type: 'HabilitationListTransmitted',
      data: {
        listVersion: nextListVersion(state),
        agentIds: normaliseAgentIds(data.agentIds),
        transmittedAt: data.transmittedAt,
      },
    },
  ];
};

export const decideHabilitationLists = (
  command: HabilitationCommand,
  state: HabilitationListsState,
): HabilitationEvent[] => {
  switch (command.type) {
    case 'TransmitHabilitationList':
      return transmit(command, state);
    default:
      return assertNever(command.type);
  }
};

export const habilitationListsDecider: Decider<HabilitationCommand, HabilitationEvent, HabilitationListsState> = {
  initialState: initialHabilitationListsState,
  evolve: evolveHabilitationLists,
  decide: decideHabilitationLists,
};
