import { agentsProjection, registerProjection, type Projection } from '@vigie/projections';

/** Every read model this deployment maintains. */
export const ALL_PROJECTIONS: readonly Projection[] = [registerProjection, agentsProjection];
