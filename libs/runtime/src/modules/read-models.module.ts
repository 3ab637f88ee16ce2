import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '@vigie/event-store';
import type { PgDatabase } from '@vigie/postgres';
import { ClaimsQueries, CompensationQueries, ProjectionRunner, RegisterQueries, RetentionQueries, type Projection, type ReadModelStore } from '@vigie/projections';
import type { VigieConfig } from '../config/vigie-config';
import { projectionLogger } from '../logging/duty-loggers';
import { openReadModels, type ReadModels } from '../read-models/read-models';
import { dataFile } from './data-dir';
import { HealthCheck } from './health-check.service';
import { ProjectionsStatus } from './projections-status.service';
import { ReadYourWrites } from './read-your-writes.service';
import { EVENT_STORE, PROJECTION_RUNNER, READ_MODEL_STORE, READ_MODELS, SHARED_DATABASE } from './tokens';

export interface ReadModelsModuleOptions {
  /** The projections this process may apply (embedded mode, the worker); none for VIGIE_ROLE=api and the cli. */
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
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    if (this.runner?.isRunning) await this.runner.stop();
    // A log empty at start-up may have got its first event since: name it while the stores are open.
    await this.readModels.recordLogIdentity().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readModels.close();
  }
}

const QUERIES = [RegisterQueries, RetentionQueries, CompensationQueries, ClaimsQueries] as const;

/**
 * The read models and their queries: `read.db` in the data dir, or the shared PostgreSQL
 * database when there is one, so that every replica reads what the lease holder commits.
 * The projection runner exists where this process may apply the projections.
 */
@Module({})
export class ReadModelsModule {
  static forRoot(config: VigieConfig, options: ReadModelsModuleOptions = {}): DynamicModule {
    const projections = options.projections;
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        {
          provide: READ_MODELS,
          inject: [SHARED_DATABASE, EVENT_STORE],
          useFactory: (database: PgDatabase | null, log: EventStore): Promise<ReadModels> => {
            if (!database) dataFile(config, 'read.db');
            return openReadModels(config, database ?? undefined, log);
          },
        },
        { provide: READ_MODEL_STORE, inject: [READ_MODELS], useFactory: (readModels: ReadModels) => readModels.readStore },
        {
          provide: PROJECTION_RUNNER,
          inject: [EVENT_STORE, READ_MODELS],
          useFactory: (store: EventStore, readModels: ReadModels): ProjectionRunner | null =>
            projections ? new ProjectionRunner({ store, readStore: readModels.runnerStore, projections: [...projections], logger: projectionLogger() }) : null,
        },
        ...QUERIES.map((Queries) => ({
          provide: Queries,
          inject: [READ_MODEL_STORE],
          useFactory: (readStore: ReadModelStore) => new Queries(readStore),
        })),
        ReadYourWrites,
        ProjectionsStatus,
        HealthCheck,
        ReadModelsLifecycle,
      ],
      exports: [READ_MODELS, READ_MODEL_STORE, PROJECTION_RUNNER, ...QUERIES, ReadYourWrites, ProjectionsStatus, HealthCheck],
    };
  }
}
