import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, LeasedDuties, ProjectionsStatus, VIGIE_CONFIG, type ProcessRole, type VigieConfig } from '@vigie/runtime';
import type { EventStore } from '@vigie/event-store';
import { Public } from '../auth/roles.decorator';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsStatus,
    @Inject(VIGIE_CONFIG) private readonly config: VigieConfig,
    // Absent in an `api` replica, which never runs the projections.
    @Optional() private readonly duties?: LeasedDuties,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Liveness, the store in use, the role of this process, whether it holds the lease that elects the one process ' +
      'running the projections and the retention scheduler, and the projections lag (events behind the head of the log)',
  })
  @ApiOkResponse({
    schema: {
      example: { status: 'ok', store: 'sqlite', role: 'all', leaseHeld: true, projectionsLag: { register: '0' } },
    },
  })
  async health(): Promise<{
    status: 'ok';
    store: 'sqlite' | 'eventstoredb';
    role: ProcessRole;
    leaseHeld: boolean;
    projectionsLag: Record<string, string>;
  }> {
    const lag = await this.projections.projectionsLag();
    return {
      status: 'ok',
      store: this.store.kind,
      role: this.config.role,
      leaseHeld: this.duties?.held ?? false,
      projectionsLag: Object.fromEntries(Object.entries(lag).map(([name, behind]) => [name, behind.toString()])),
    };
  }
}
