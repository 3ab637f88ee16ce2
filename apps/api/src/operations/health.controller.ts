import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, ProjectionsStatus } from '@vigie/runtime';
import type { EventStore } from '@vigie/event-store';
import { Public } from '../auth/roles.decorator';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsStatus,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness, the store in use and the projections lag (events behind the head of the log)' })
  @ApiOkResponse({
    schema: {
      example: { status: 'ok', store: 'sqlite', projectionsLag: { register: '0' } },
    },
  })
  async health(): Promise<{ status: 'ok'; store: 'sqlite' | 'eventstoredb'; projectionsLag: Record<string, string> }> {
    const lag = await this.projections.projectionsLag();
    return {
      status: 'ok',
      store: this.store.kind,
      projectionsLag: Object.fromEntries(Object.entries(lag).map(([name, behind]) => [name, behind.toString()])),
    };
  }
}
