import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { ProjectionRunner } from '@vigie/projections';
import type { VigieConfig } from '../config/vigie-config';
import { DataDirLease } from '../lease/data-dir.lease';
import type { Lease } from '../lease/lease';
import { PgAdvisoryLease } from '../lease/pg-advisory.lease';
import { RetentionScheduler } from '../retention/retention-scheduler.service';
import { dataFile } from './data-dir';
import { PROJECTION_RUNNER } from './tokens';

/** The lease that elects the one process running the projections and the retention scheduler. */
export const DUTIES_LEASE = Symbol('DUTIES_LEASE');

const LEASE_NAME = 'projections';

/** In the shared database when there is one (processes on several hosts), else a lock on the data dir. */
export function dutiesLease(config: VigieConfig): Lease {
  if (config.databaseUrl) return new PgAdvisoryLease({ url: config.databaseUrl, name: LEASE_NAME, applicationName: `vigie-${config.role}-lease` });
  dataFile(config, '.');
  return new DataDirLease({ dataDir: config.dataDir, name: LEASE_NAME });
}

/**
 * Runs the projection runner and the retention scheduler only while this process holds the
 * lease: two runners would race on the checkpoints, two schedulers on the purges. A process
 * without it stands by and takes over within the lease's retry period after the holder dies.
 */
@Injectable()
export class LeasedDuties implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Vigie');
  private switching: Promise<void> = Promise.resolve();
  private active = false;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly scheduler: RetentionScheduler,
    @Inject(DUTIES_LEASE) private readonly lease: Lease,
  ) {}

  /** Whether this process holds the lease now (what /health shows). */
  get held(): boolean {
    return this.lease.held;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.lease.on('acquired', () => this.switchTo(true));
    this.lease.on('lost', () => this.switchTo(false));
    await this.lease.start();
    await this.switching;
    if (!this.active) this.logger.log('Standing by: another process runs the projections and the retention scheduler');
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Stop writing first, then hand the lease over: the next holder never overlaps with us.
    this.switchTo(false);
    await this.switching;
    await this.lease.stop();
  }

  private switchTo(on: boolean): void {
    this.switching = this.switching.then(async () => {
      if (on && !this.active) {
        await this.runner.start();
        this.scheduler.start();
        this.active = true;
        this.logger.log('Holding the lease: running the projections and the retention scheduler');
      } else if (!on && this.active) {
        this.active = false;
        await this.scheduler.stop();
        await this.runner.stop();
        this.logger.log('Lease released or lost: projections and retention scheduler stopped');
      }
    }).catch((error: unknown) => this.logger.error(`Lease switch failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** The lease and what it guards, in a process that may run the projections (embedded API, worker). */
@Module({})
export class LeasedDutiesModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: LeasedDutiesModule,
      global: true,
      providers: [{ provide: DUTIES_LEASE, useFactory: () => dutiesLease(config) }, LeasedDuties],
      exports: [LeasedDuties],
    };
  }
}
