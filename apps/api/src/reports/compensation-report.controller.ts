import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompensationQueries } from '@vigie/projections';
import { VIGIE_RUNTIME, type VigieRuntime } from '@vigie/runtime';
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
  private readonly queries: CompensationQueries;

  constructor(@Inject(VIGIE_RUNTIME) private readonly runtime: VigieRuntime) {
    this.queries = new CompensationQueries(runtime.readStore);
  }

  @Get('compensation')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Claimed, approved, paid and outstanding cents per operator, year and category, with totals' })
  @ApiOkResponse({ type: CompensationReportDto })
  @ApiProblems([])
  async report(@Query() query: CompensationReportQuery): Promise<CompensationReportDto> {
    await this.runtime.settle(await this.runtime.store.headPosition());
    const report = await this.queries.report({
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.operatorId !== undefined ? { operatorId: query.operatorId } : {}),
    });
    return { items: report.items.map((i) => ({ ...i })), totals: { ...report.totals } };
  }
}
