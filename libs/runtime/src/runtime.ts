import * as fs from 'node:fs';
import * as path from 'node:path';
import { systemClock, type Clock } from '@vigie/domain';
import { SqliteEventStore, type EventStore } from '@vigie/event-store';
import { EventStoreDbEventStore } from '@vigie/event-store/eventstoredb';
import { ProjectionRunner, ReadStore, RegisterQueries, type Projection } from '@vigie/projections';
import type { WorkflowDeps } from '@vigie/workflow';
import { loadOrCreateMasterKey, openDataKeyStore, Vault } from '@vigie/vault';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { VigieConfig } from './config/vigie-config';
import { InstrumentedEventStore } from './metrics/instrumented-event-store';
import { RetentionScheduler } from './retention/retention-scheduler.service';

export const VIGIE_RUNTIME = Symbol('VIGIE_RUNTIME');

export interface RuntimeOptions {
  readonly clock?: Clock;
  /** Projections applied in this process (embedded mode and the worker); none for `VIGIE_ROLE=api`. */
  readonly runProjections: boolean;
  readonly projections?: readonly Projection[];
  readonly collectProcessMetrics?: boolean;
  /** Tests only: wraps the event store (fault injection) before anything uses it. */
  readonly wrapEventStore?: (store: EventStore) => EventStore;
}

/**
 * The composition root shared by the api, the worker and the cli: one event store,
 * one vault, one read store, and the projection runner when this process runs it.
 */
export class VigieRuntime {
  private readonly lagGauge: Gauge<'projection'>;
  readonly deps: WorkflowDeps;
  readonly register: RegisterQueries;
  /** The retention scheduler, where this process runs the projections (embedded API, worker). */
  scheduler: RetentionScheduler | undefined;

  private constructor(
    readonly config: VigieConfig,
    readonly clock: Clock,
    readonly store: EventStore,
    readonly vault: Vault,
    readonly readStore: ReadStore,
    readonly runner: ProjectionRunner | undefined,
    readonly registry: Registry,
  ) {
    this.lagGauge = new Gauge({
      name: 'vigie_projection_lag_events',
      help: 'Events between the head of the log and each projection checkpoint',
      labelNames: ['projection'],
      registers: [registry],
    });
    this.register = new RegisterQueries(readStore);
    this.deps = {
      store,
      vault,
      retention: config.retention,
      tariffs: config.tariffs,
    };
  }

  /**
   * Read-your-writes: waits until the read models include `position`. Where this process
   * runs no projection (VIGIE_ROLE=api), polls the checkpoints the worker writes.
   */
  async settle(position: bigint | undefined, timeoutMs = 5000): Promise<void> {
    if (position === undefined || position <= 0n) return;
    // A command is accepted once appended: a slow read model never turns it into an error.
    if (this.runner) return this.runner.waitFor(position, timeoutMs).catch(() => undefined);
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const rows = this.readStore.all<{ active_checkpoint: string | null; checkpoint: string }>(
        'SELECT checkpoint, active_checkpoint FROM projection_state',
      );
      if (rows.length > 0 && rows.every((r) => BigInt(r.active_checkpoint ?? r.checkpoint) >= position)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  static async open(config: VigieConfig, options: RuntimeOptions): Promise<VigieRuntime> {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const registry = new Registry();
    if (options.collectProcessMetrics) collectDefaultMetrics({ register: registry });
    const raw: EventStore = config.eventStoreConnectionString
      ? EventStoreDbEventStore.connect(config.eventStoreConnectionString)
      : SqliteEventStore.open({ path: path.join(config.dataDir, 'events.db') });
    const store = new InstrumentedEventStore(options.wrapEventStore?.(raw) ?? raw, registry);
    const vault = await Vault.open({
      masterKey: loadOrCreateMasterKey({ dataDir: config.dataDir, envValue: config.masterKeyHex }),
      keys: await openDataKeyStore({ dataDir: config.dataDir }),
      clock: options.clock ?? systemClock,
    });
    const readStore = ReadStore.open({ path: path.join(config.dataDir, 'read.db') });
    const runner = options.runProjections
      ? new ProjectionRunner({ store, readStore, projections: [...(options.projections ?? [])] })
      : undefined;
    const runtime = new VigieRuntime(config, options.clock ?? systemClock, store, vault, readStore, runner, registry);
    await runner?.start();
    if (options.runProjections) {
      runtime.scheduler = new RetentionScheduler(runtime, { intervalMs: config.schedulerIntervalMs });
      runtime.scheduler.start();
    }
    return runtime;
  }

  /** Events behind the head per projection; an `api` replica reads the checkpoints its worker writes. */
  async projectionsLag(): Promise<Record<string, bigint>> {
    if (this.runner) return this.runner.lag();
    const head = await this.store.headPosition();
    const rows = this.readStore.all<{ name: string; active_checkpoint: string }>('SELECT name, active_checkpoint FROM projection_state ORDER BY name');
    return Object.fromEntries(rows.map((r) => [r.name, head > BigInt(r.active_checkpoint) ? head - BigInt(r.active_checkpoint) : 0n]));
  }

  async refreshGauges(): Promise<void> {
    for (const [projection, behind] of Object.entries(await this.projectionsLag())) {
      this.lagGauge.set({ projection }, Number(behind));
    }
  }

  async close(): Promise<void> {
    await this.scheduler?.stop();
    await this.runner?.stop();
    await this.store.close();
    this.readStore.close();
    await this.vault.close();
  }
}
