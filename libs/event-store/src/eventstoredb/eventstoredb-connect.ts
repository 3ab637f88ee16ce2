import type { EventStore } from '../event-store.port';
import type { EventStoreDbOptions } from './eventstoredb-event-store';

/**
 * Connects the EventStoreDB adapter, loading it (and its gRPC client) on first use: that
 * is about 0.4 s of every start, which a deployment on the embedded SQLite log never needs.
 */
export function connectEventStoreDb(connectionString: string, options: EventStoreDbOptions = {}): EventStore {
  const { EventStoreDbEventStore } = require('./eventstoredb-event-store') as typeof import('./eventstoredb-event-store');
  return EventStoreDbEventStore.connect(connectionString, options);
}
