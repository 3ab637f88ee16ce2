import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { VIGIE_RUNTIME, type VigieRuntime } from '@vigie/runtime';
import { Public } from '../auth/roles.decorator';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(VIGIE_RUNTIME) private readonly runtime: VigieRuntime) {}

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics: appends, latencies, projection lag, process' })
  async metrics(): Promise<string> {
    await this.runtime.refreshGauges();
    return this.runtime.registry.metrics();
  }
}
