import type { RetentionPeriod } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import type { Vault } from '@vigie/vault';
import type { TariffTable } from '../claims/tariffs';
import { StreamStateCache } from './stream-state.cache';

/** What the use cases need from the outside world; the runtime assembles it. */
export interface WorkflowDeps {
  readonly store: EventStore;
  /** Folds of the long-lived streams read by decisions, over `store`; one per deps, never shared. */
  readonly streamStates: StreamStateCache;
  readonly vault: Vault;
  readonly retention: { readonly identification: RetentionPeriod; readonly technical: RetentionPeriod };
  /** The tariff table for expected compensation amounts (L2321-3 al. 3); all zero when absent. */
  readonly tariffs?: TariffTable;
}

/** The deps for one store, with a cache of its own. */
export const workflowDeps = (fields: Omit<WorkflowDeps, 'streamStates'>): WorkflowDeps => ({
  ...fields,
  streamStates: new StreamStateCache(fields.store),
});

/** What a command answers, plus where its last event stands, so the caller can wait for the read models. */
export type Outcome<T> = T & { readonly position?: bigint };
