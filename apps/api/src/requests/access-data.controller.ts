import { Body, Controller, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites, type Principal } from '@vigie/runtime';
import { accessData, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { NotReplayable } from '../idempotency/not-replayable.decorator';
import { AccessDataDto, AccessedDataDto } from './access-data.dto';

/**
 * Reading delivered data is a command with a declared purpose (docs/design.md): each call appends
 * DataAccessed. The answer holds the records in clear, so it is never kept for an
 * Idempotency-Key replay (@NotReplayable): a repeated call is a new, recorded read.
 */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class AccessDataController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost(':requestId/data-access')
  @HttpCode(200)
  @Roles('agent')
  @NotReplayable()
  @ApiOperation({ summary: 'Read the delivered data for a declared purpose (recorded as DataAccessed; Idempotency-Key is ignored)' })
  @ApiOkResponse({ type: AccessedDataDto })
  @ApiProblems([404, 410, 422], ['PURPOSE_NOT_ALLOWED', 'NO_DATA', 'AGENT_NOT_HABILITATED'])
  async access(
    @Meta() meta: CommandMeta,
    @CurrentPrincipal() principal: Principal,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: AccessDataDto,
  ): Promise<AccessedDataDto> {
    const { position, datasetId, records } = await accessData(this.deps, meta, principal.agentId as string, requestId, body.purpose);
    await this.readYourWrites.settle(position);
    return { datasetId, records: [...records] };
  }
}
