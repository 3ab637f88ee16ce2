import { Body, Controller, Get, HttpCode, Inject, Param, Query } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { instantMs, CLOCK, type Clock } from '@vigie/domain';
import { WORKFLOW_DEPS, ReadYourWrites } from '@vigie/runtime';
import { recordOversightNotice, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { RegisterQueries } from '@vigie/projections';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { decodeCursor, pageSize, toPage } from '../http/page';
import { uuidParam } from '../http/uuid-param.pipe';
import { ListNoticesQuery, NoticeListDto, RecordNoticeDto } from './oversight-notice.dto';

/**
 * L36-14 CPCE (docs/design.md → Rules): ARCEP is informed without delay of every
 * technical-data request. Filing opens a notice; an admin records its transmission.
 */
@ApiTags('oversight')
@ApiBearerAuth()
@Controller('v1/oversight/notices')
export class OversightNoticesController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly register: RegisterQueries,
  ) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Oversight notices, pending or sent, with how long each waited' })
  @ApiOkResponse({ type: NoticeListDto })
  @ApiProblems([])
  async list(@Query() query: ListNoticesQuery): Promise<NoticeListDto> {
    const now = this.clock.now().getTime();
    const after = decodeCursor('notices', query.cursor, 2) as [string, string] | undefined;
    const limit = pageSize(query);
    const rows = await this.register.listNotices(query.status, { ...(after ? { after } : {}), limit });
    return toPage('notices', rows, limit, (n) => [n.openedAt, n.requestId], (n) => ({
      ...n,
      dataCategories: [...n.dataCategories],
      waitingSeconds: Math.max(0, Math.round(((n.sentAt ? instantMs(n.sentAt) : now) - instantMs(n.openedAt)) / 1000)),
    }));
  }

  @CommandPost(':requestId')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Record that the notice of a technical-data request was transmitted to ARCEP' })
  @ApiOkResponse({ schema: { example: { requestId: '…', sentAt: '2026-03-02T10:00:00Z', reference: 'ARCEP-2026-17' } } })
  @ApiProblems([404, 422], ['NOTICE_ALREADY_SENT', 'NOTICE_TIME_INVALID'])
  async record(
    @Meta() meta: CommandMeta,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: RecordNoticeDto,
  ): Promise<{ requestId: string; sentAt: string; reference: string }> {
    const { position, ...answer } = await recordOversightNotice(this.deps, meta, requestId, { ...body });
    await this.readYourWrites.settle(position);
    return answer;
  }
}
