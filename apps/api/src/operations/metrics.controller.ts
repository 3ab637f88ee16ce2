import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ProjectionsStatus } from '@vigie/runtime';
import { Registry } from 'prom-client';
import { Public } from '../auth/roles.decorator';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly projections: ProjectionsStatus,
    private readonly registry: Registry,
  ) {}

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics: appends, latencies, projection lag, process' })
  async metrics(): Promise<string> {
    await this.projections.refreshGauges();
    return this.registry.metrics();
  }
}
