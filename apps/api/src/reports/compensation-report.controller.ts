import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompensationQueries } from '@vigie/projections';
import { ReadYourWrites, EVENT_STORE } from '@vigie/runtime';
import type { EventStore } from '@vigie/event-store';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CompensationReportDto, CompensationReportQuery } from './compensation-report.dto';

/**
 * Compensation totals per operator, year of filing and category (L2321-3 al. 3), in exact
 * integer cents summed by SQLite: finance staff and auditors never see a rounding error.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class CompensationReportController {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: CompensationQueries,
  ) {}

  @Get('compensation')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Claimed, approved, paid and outstanding cents per operator, year and category, with totals' })
  @ApiOkResponse({ type: CompensationReportDto })
  @ApiProblems([])
  async report(@Query() query: CompensationReportQuery): Promise<CompensationReportDto> {
    await this.readYourWrites.settle(await this.store.headPosition());
    const report = await this.queries.report({
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.operatorId !== undefined ? { operatorId: query.operatorId } : {}),
    });
    return { items: report.items.map((i) => ({ ...i })), totals: { ...report.totals } };
  }
}
