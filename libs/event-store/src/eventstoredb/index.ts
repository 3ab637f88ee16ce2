export { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
export type { ResubscribeBackoff, SubscriptionObserver } from './eventstoredb-subscription';
export { DEFAULT_MAX_APPEND_BYTES } from './eventstoredb-append-size';
export { connectionStringProblem } from './eventstoredb-connection-string';
export { connectEventStoreDb } from './eventstoredb-connect';
