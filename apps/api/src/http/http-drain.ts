import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Stops taking requests first, waiting for those in flight: the root module's hook runs
 * before those of the modules it imports, so the runner and the scheduler stop after it,
 * and the stores close last (on application shutdown), also on SIGTERM.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  constructor(private readonly host: HttpAdapterHost) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.host.httpAdapter?.close();
  }
}
