export { EventStoreDbEventStore } from './eventstoredb-event-store';
export type { ResubscribeBackoff } from './eventstoredb-subscription';
