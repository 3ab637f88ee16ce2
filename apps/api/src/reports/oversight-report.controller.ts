import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { instantMs, CLOCK, type Clock } from '@vigie/domain';
import { READ_MODEL_STORE } from '@vigie/runtime';
import { oversightReport, type ReadModelStore } from '@vigie/projections';

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
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_STORE) private readonly readStore: ReadModelStore,
  ) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Oversight statistics over [from, to), by business time' })
  @ApiOkResponse({ type: OversightReportDto })
  @ApiProblems([400])
  async report(@Query() query: OversightReportQuery): Promise<OversightReportDto> {
    if (query.from !== undefined && query.to !== undefined && instantMs(query.to) <= instantMs(query.from)) {
      return fail(400, 'VALIDATION_FAILED', 'The period is empty.', [{ field: 'to', message: 'to must be after from' }]);
    }
    const now = this.clock.now().toISOString();
    return (await oversightReport(this.readStore, { ...query, now })) as OversightReportDto;
  }
}
