import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '@vigie/event-store';
import { CompensationQueries, ProjectionRunner, ReadStore, RegisterQueries, RetentionQueries, type Projection } from '@vigie/projections';
import type { VigieConfig } from '../config/vigie-config';
import { dataFile } from './data-dir';
import { ProjectionsStatus } from './projections-status.service';
import { ReadYourWrites } from './read-your-writes.service';
import { EVENT_STORE, PROJECTION_RUNNER } from './tokens';

export interface ReadModelsModuleOptions {
  /** The projections this process applies (embedded mode, the worker); none for VIGIE_ROLE=api and the cli. */
  readonly projections?: readonly Projection[];
}

/**
 * The runner is started by the lease holder (LeasedDuties); whatever started it, it stops
 * before application shutdown (after the HTTP server stopped taking requests), so that the
 * stores close after its last batch.
 */
@Injectable()
export class ReadModelsLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
    private readonly readStore: ReadStore,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    if (this.runner?.isRunning) await this.runner.stop();
  }

  onApplicationShutdown(): void {
    this.readStore.close();
  }
}

const QUERIES = [RegisterQueries, RetentionQueries, CompensationQueries] as const;

/** The read store and its queries, and the projection runner where this process runs projections. */
@Module({})
export class ReadModelsModule {
  static forRoot(config: VigieConfig, options: ReadModelsModuleOptions = {}): DynamicModule {
    const projections = options.projections;
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        { provide: ReadStore, useFactory: () => ReadStore.open({ path: dataFile(config, 'read.db') }) },
        {
          provide: PROJECTION_RUNNER,
          inject: [EVENT_STORE, ReadStore],
          useFactory: (store: EventStore, readStore: ReadStore): ProjectionRunner | null =>
            projections ? new ProjectionRunner({ store, readStore, projections: [...projections] }) : null,
        },
        ...QUERIES.map((Queries) => ({ provide: Queries, inject: [ReadStore], useFactory: (readStore: ReadStore) => new Queries(readStore) })),
        ReadYourWrites,
        ProjectionsStatus,
        ReadModelsLifecycle,
      ],
      exports: [ReadStore, PROJECTION_RUNNER, ...QUERIES, ReadYourWrites, ProjectionsStatus],
    };
  }
}
