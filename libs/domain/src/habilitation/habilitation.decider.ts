import { assertNever, Decider } from '../kernel/decider';
import { instantMs } from '../kernel/instant';
import { HabilitationCommand, TransmitHabilitationList } from './habilitation.commands';
import { HabilitationEvent } from './habilitation.events';
import { assertListNotEmpty, nextListVersion, normaliseAgentIds } from './habilitation.rules';
import { HabilitationListsState } from './habilitation.state';

export const initialHabilitationListsState = (): HabilitationListsState => ({ status: 'none' });

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
