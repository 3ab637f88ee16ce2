import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { NamespacedEventStore } from './namespaced-event-store';

type DescribeEventStoreContract = (
  name: string,
  factory: () => Promise<{ store: EventStore; reopen(): Promise<EventStore>; cleanup(): Promise<void> }>,
) => void;

/**
 * The shared contract suite against a real EventStoreDB (see docs/eventstoredb.md).
 * Each factory call gets its own stream namespace: the server's log is shared and
 * cannot be emptied between tests.
 */
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

if (connectionString) {
  // Loaded only when a server is configured, so the skip path needs nothing else.
  const { describeEventStoreContract } = require('../testing/event-store.contract') as {
    describeEventStoreContract: DescribeEventStoreContract;
  };
  describeEventStoreContract('eventstoredb', async () => {
    const namespace = `t${randomUUID().replace(/-/g, '')}-`;
    const open = (): NamespacedEventStore => new NamespacedEventStore(EventStoreDbEventStore.connect(connectionString), namespace);
    let current = open();
    return {
      store: current,
      async reopen() {
        await current.close();
        current = open();
        return current;
      },
      cleanup: () => current.close(),
    };
  });
} else {
  process.stderr.write(
    'EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set ' +
      '(start a cluster with `docker compose up -d` and set it, see docs/eventstoredb.md)\n',
  );
  describe.skip('eventstoredb contract (EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it('runs only against a live EventStoreDB cluster', () => undefined);
  });
}
