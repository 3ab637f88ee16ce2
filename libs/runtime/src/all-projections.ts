import {
  agentsProjection,
  compensationProjection,
  oversightProjection,
  registerProjection,
  retentionProjection,
  type Projection,
} from '@vigie/projections';

/**
 * Every read model this deployment maintains: the one list the api (embedded mode),
 * the worker and the bench feed, so they can never disagree on what the read store holds.
 */
export const ALL_PROJECTIONS: readonly Projection[] = [registerProjection, agentsProjection, retentionProjection, oversightProjection, compensationProjection];
