import { HabilitationListTransmittedData } from './habilitation.events';

export type HabilitationList = HabilitationListTransmittedData;

/** The singleton `habilitation-lists` stream: only the latest transmitted list matters. */
export type HabilitationListsState =
  | { readonly status: 'none' }
  | { readonly status: 'transmitted'; readonly latest: HabilitationList };

export const latestList = (state: HabilitationListsState): HabilitationList | undefined =>
  state.status === 'transmitted' ? state.latest : undefined;

export const isOnLatestList = (state: HabilitationListsState, agentId: string): boolean =>
  latestList(state)?.agentIds.includes(agentId) ?? false;
