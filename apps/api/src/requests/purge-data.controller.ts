import { Body, Controller, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites, type Principal } from '@vigie/runtime';
import { purgeData, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { DataPurgedDto, PurgeDataDto } from './purge-data.dto';

/** Crypto-shredding: DataPurged is appended and the dataset's key destroyed; the history stays whole. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class PurgeDataController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost(':requestId/purge')
  @HttpCode(200)
  @Roles('agent', 'admin')
  @ApiOperation({ summary: 'Purge the delivered data now (its key is destroyed: nobody can read it again)' })
  @ApiOkResponse({ type: DataPurgedDto })
  @ApiProblems([404, 410, 422], ['NO_DATA', 'AGENT_NOT_HABILITATED'])
  async purge(
    @Meta() meta: CommandMeta,
    @CurrentPrincipal() principal: Principal,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: PurgeDataDto,
  ): Promise<DataPurgedDto> {
    const { position, ...answer } = await purgeData(
      this.deps,
      meta,
      requestId,
      body.reason,
      principal.role === 'agent' ? (principal.agentId ?? '') : undefined,
    );
    await this.readYourWrites.settle(position);
    return answer;
  }
}
