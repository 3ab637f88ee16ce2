import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionRunner, ReadModelStore } from '@vigie/projections';
import { awaitCheckpoints } from '../read-models/read-models';
import { PROJECTION_RUNNER, READ_MODEL_STORE } from './tokens';

/**
 * Read-your-writes: waits until the read models include a command's position. Where this
 * process runs no projection (VIGIE_ROLE=api, or a stand-by without the lease), polls the
 * checkpoints the lease holder writes.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
    @Inject(READ_MODEL_STORE) private readonly readStore: ReadModelStore,
  ) {}

  async settle(position: bigint | undefined, timeoutMs = 5000): Promise<void> {
    if (position === undefined || position <= 0n) return;
    // A command is accepted once appended: a slow read model never turns it into an error.
    if (this.runner?.isRunning) return this.runner.waitFor(position, timeoutMs).catch(() => undefined);
    return awaitCheckpoints(this.readStore, position, timeoutMs);
  }
}
