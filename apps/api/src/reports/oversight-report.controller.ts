import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { instantMs } from '@vigie/domain';
import { oversightReport } from '@vigie/projections';
import { VIGIE_RUNTIME, type VigieRuntime } from '@vigie/runtime';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { fail } from '../http/problem';
import { OversightReportDto, OversightReportQuery } from './oversight-report.dto';

/**
 * Statistics for the oversight of L2321-3 requests (ARCEP, L36-14 CPCE; internal audit):
 * requests, alerts, accesses, purges, pending notices and list transmissions over a period.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports/oversight')
export class OversightReportController {
  constructor(@Inject(VIGIE_RUNTIME) private readonly runtime: VigieRuntime) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Oversight statistics over [from, to), by business time' })
  @ApiOkResponse({ type: OversightReportDto })
  @ApiProblems([400])
  async report(@Query() query: OversightReportQuery): Promise<OversightReportDto> {
    if (query.from !== undefined && query.to !== undefined && instantMs(query.to) <= instantMs(query.from)) {
      return fail(400, 'VALIDATION_FAILED', 'The period is empty.', [{ field: 'to', message: 'to must be after from' }]);
    }
    const now = this.runtime.clock.now().toISOString();
    return (await oversightReport(this.runtime.readStore, { ...query, now })) as OversightReportDto;
  }
}
