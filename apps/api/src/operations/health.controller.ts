import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, HealthCheck, LeasedDuties, VIGIE_CONFIG, type ProcessRole, type VigieConfig } from '@vigie/runtime';
import type { EventStore } from '@vigie/event-store';
import { Public } from '../auth/roles.decorator';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly check: HealthCheck,
    @Inject(VIGIE_CONFIG) private readonly config: VigieConfig,
    // Absent in an `api` replica, which never runs the projections.
    @Optional() private readonly duties?: LeasedDuties,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Liveness: `degraded`, with its causes, when a projection stopped, lags more than VIGIE_MAX_LAG_MS or a store ' +
      'does not answer; the store in use, the role of this process, whether it holds the lease (it then runs the ' +
      'projections and the retention scheduler), and the projections lag in events',
  })
  @ApiOkResponse({
    schema: {
      example: { status: 'ok', store: 'sqlite', role: 'all', leaseHeld: true, projectionsLag: { register: '0' } },
    },
  })
  async health(): Promise<{
    status: 'ok' | 'degraded';
    degraded?: readonly string[];
    store: 'sqlite' | 'eventstoredb';
    role: ProcessRole;
    leaseHeld: boolean;
    projectionsLag: Record<string, string>;
  }> {
    const report = await this.check.report();
    return {
      status: report.status,
      ...(report.status === 'degraded' ? { degraded: report.degraded } : {}),
      store: this.store.kind,
      role: this.config.role,
      leaseHeld: this.duties?.held ?? false,
      projectionsLag: report.projectionsLag,
    };
  }
}
