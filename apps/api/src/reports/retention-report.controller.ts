import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RetentionQueries } from '@vigie/projections';
import { ReadYourWrites, EVENT_STORE } from '@vigie/runtime';
import type { EventStore } from '@vigie/event-store';
import { CLOCK, type Clock } from '@vigie/domain';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { decodeCursor, pageSize, toPage } from '../http/page';
import { normaliseInstant } from './instant-or-date.validator';
import { RetentionReportDto, RetentionReportQuery } from './retention-report.dto';

/**
 * Retention deadlines of every delivered dataset (L2321-3 al. 2: five years at most).
 * Statuses are judged at the runtime clock's now; a purge past the deadline stays flagged overdue.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class RetentionReportController {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: RetentionQueries,
  ) {}

  @Get('retention')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Delivered datasets with their retention deadline: retained, purged or overdue' })
  @ApiOkResponse({ type: RetentionReportDto })
  @ApiProblems([])
  async report(@Query() query: RetentionReportQuery): Promise<RetentionReportDto> {
    await this.readYourWrites.settle(await this.store.headPosition());
    const after = decodeCursor('retention', query.cursor, 2) as [string, string] | undefined;
    const limit = pageSize(query);
    const rows = await this.queries.report(
      {
        now: this.clock.now().toISOString(),
        ...(query.dueBefore !== undefined ? { dueBefore: normaliseInstant(query.dueBefore) } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
      },
      { ...(after ? { after } : {}), limit },
    );
    return toPage('retention', rows, limit, (i) => [i.retentionDeadline, i.datasetId], (i) => ({ ...i }));
  }
}
