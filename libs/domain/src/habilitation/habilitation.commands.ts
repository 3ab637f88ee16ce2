import { DomainCommand } from '../kernel/command';

export type TransmitHabilitationList = DomainCommand<
  'TransmitHabilitationList',
  {
    /** The agents habilitated at transmittedAt, computed by the caller from the agent streams. */
    readonly agentIds: readonly string[];
    readonly transmittedAt: string;
  }
>;

export type HabilitationCommand = TransmitHabilitationList;
