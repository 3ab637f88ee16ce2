/** The list lives in @vigie/runtime, shared with the worker (apps/worker); add projections there. */
export { ALL_PROJECTIONS } from '@vigie/runtime/all-projections';
