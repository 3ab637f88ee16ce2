import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VIGIE_RUNTIME, type VigieRuntime } from '@vigie/runtime';
import { Public } from '../auth/roles.decorator';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(VIGIE_RUNTIME) private readonly runtime: VigieRuntime) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness, the store in use and the projections lag (events behind the head of the log)' })
  @ApiOkResponse({
    schema: {
      example: { status: 'ok', store: 'sqlite', projectionsLag: { register: '0' } },
    },
  })
  async health(): Promise<{ status: 'ok'; store: 'sqlite' | 'eventstoredb'; projectionsLag: Record<string, string> }> {
    const lag = await this.runtime.projectionsLag();
    return {
      status: 'ok',
      store: this.runtime.store.kind,
      projectionsLag: Object.fromEntries(Object.entries(lag).map(([name, behind]) => [name, behind.toString()])),
    };
  }
}
