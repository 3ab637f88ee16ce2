import { DomainEvent } from '../kernel/decider';

/** A versioned snapshot of the habilitated agents sent to ARCEP (L2321-3 al. 1). */
export interface HabilitationListTransmittedData {
  readonly listVersion: number;
  readonly agentIds: readonly string[];
  readonly transmittedAt: string;
}

export type HabilitationListTransmitted = DomainEvent<'HabilitationListTransmitted', HabilitationListTransmittedData>;

export type HabilitationEvent = HabilitationListTransmitted;

export const HABILITATION_EVENT_TYPES = [
  'HabilitationListTransmitted',
] as const satisfies readonly HabilitationEvent['type'][];
