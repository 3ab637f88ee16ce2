import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { SqliteEventStore, type EventStore } from '@vigie/event-store';
import { connectEventStoreDb } from '@vigie/event-store/eventstoredb/eventstoredb-connect';
import type { SubscriptionObserver } from '@vigie/event-store/eventstoredb';
import { Counter, Registry } from 'prom-client';
import type { VigieConfig } from '../config/vigie-config';
import { InstrumentedEventStore } from '../metrics/instrumented-event-store';
import { dataFile } from './data-dir';
import { EVENT_STORE } from './tokens';

/**
 * EventStoreDB when a connection string is configured; otherwise `events.db` in the data dir.
 * The subscription observer counts reconnects and reports a permanent failure once.
 */
export function openEventStore(config: VigieConfig, registry?: Registry): EventStore {
  if (!config.eventStoreConnectionString) return SqliteEventStore.open({ path: dataFile(config, 'events.db') });
  return connectEventStoreDb(config.eventStoreConnectionString, {
    maxAppendBytes: config.maxAppendBytes,
    ...(registry ? { observer: subscriptionObserver(registry) } : {}),
  });
}

export function subscriptionObserver(registry: Registry): SubscriptionObserver {
  const reconnects = new Counter({
    name: 'vigie_subscription_reconnects_total',
    help: 'Subscriptions to the log reopened after a transient drop',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'vigie_subscription_failures_total',
    help: 'Subscriptions to the log ended by a permanent error (the projection stops; /health says degraded)',
    registers: [registry],
  });
  const logger = new Logger('Vigie');
  return {
    onReconnect: () => reconnects.inc(),
    onFailed: (error) => {
      failures.inc();
      logger.error(`Subscription to the log failed for good: ${error.message}`);
    },
  };
}

/** Closes the log last: the runner and the scheduler stop before application shutdown. */
@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The event log, picked from the configuration and counted in the metrics registry. */
@Module({})
export class EventStoreModule {
  /** `wrap` is for tests only: fault injection around the real store, before anything uses it. */
  static forRoot(config: VigieConfig, wrap?: (store: EventStore) => EventStore): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          inject: [Registry],
          useFactory: (registry: Registry) => {
            const raw = openEventStore(config, registry);
            return new InstrumentedEventStore(wrap ? wrap(raw) : raw, registry);
          },
        },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }
}
