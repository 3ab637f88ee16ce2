import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { SqliteEventStore, type EventStore } from '@vigie/event-store';
import { EventStoreDbEventStore } from '@vigie/event-store/eventstoredb';
import { Registry } from 'prom-client';
import type { VigieConfig } from '../config/vigie-config';
import { InstrumentedEventStore } from '../metrics/instrumented-event-store';
import { dataFile } from './data-dir';
import { EVENT_STORE } from './tokens';

/** EventStoreDB when a connection string is configured; otherwise `events.db` in the data dir. */
export function openEventStore(config: VigieConfig): EventStore {
  return config.eventStoreConnectionString
    ? EventStoreDbEventStore.connect(config.eventStoreConnectionString)
    : SqliteEventStore.open({ path: dataFile(config, 'events.db') });
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
            const raw = openEventStore(config);
            return new InstrumentedEventStore(wrap ? wrap(raw) : raw, registry);
          },
        },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }
}
