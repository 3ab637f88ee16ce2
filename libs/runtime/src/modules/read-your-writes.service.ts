import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner, ReadStore } from '@vigie/projections';
import { PROJECTION_RUNNER } from './tokens';

/**
 * Read-your-writes: waits until the read models include a command's position. Where this
 * process runs no projection (VIGIE_ROLE=api, or a stand-by without the lease), polls the
 * checkpoints the lease holder writes.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
    private readonly readStore: ReadStore,
  ) {}

  async settle(position: bigint | undefined, timeoutMs = 5000): Promise<void> {
    if (position === undefined || position <= 0n) return;
    // A command is accepted once appended: a slow read model never turns it into an error.
    if (this.runner?.isRunning) return this.runner.waitFor(position, timeoutMs).catch(() => undefined);
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const rows = this.readStore.state.list();
      if (rows.length > 0 && rows.every((r) => r.activeCheckpoint >= position)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
