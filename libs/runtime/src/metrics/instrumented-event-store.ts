import type {
  AppendResult,
  ChainReport,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '@vigie/event-store';
import { Counter, Histogram, type Registry } from 'prom-client';

/** Decorates any EventStore with Prometheus counters and append latencies; behaviour unchanged. */
export class InstrumentedEventStore implements EventStore {
  private readonly appends: Counter<'outcome'>;
  private readonly events: Counter;
  private readonly latency: Histogram<'outcome'>;

  constructor(
    private readonly inner: EventStore,
    registry: Registry,
  ) {
    this.appends = new Counter({
      name: 'vigie_event_store_appends_total',
      help: 'Append calls by outcome (ok, conflict, error)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.events = new Counter({ name: 'vigie_event_store_events_appended_total', help: 'Events appended', registers: [registry] });
    this.latency = new Histogram({
      name: 'vigie_event_store_append_seconds',
      help: 'Append latency, from call to durable acknowledgement',
      labelNames: ['outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
  }

  get kind(): EventStore['kind'] {
    return this.inner.kind;
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const end = this.latency.startTimer();
    try {
      const result = await this.inner.append(streamId, events, expected);
      end({ outcome: 'ok' });
      this.appends.inc({ outcome: 'ok' });
      this.events.inc(events.length);
      return result;
    } catch (e) {
      const outcome = (e as Error).name === 'WrongExpectedVersionError' ? 'conflict' : 'error';
      end({ outcome });
      this.appends.inc({ outcome });
      throw e;
    }
  }

  readStream(streamId: string, options?: { fromRevision?: bigint }): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(streamId, options);
  }
  readLastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    return this.inner.readLastEvent(streamId);
  }
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }
  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }
  subscribe(options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }
  verifyChains(): Promise<ChainReport> {
    return this.inner.verifyChains();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
