import { Body, Controller, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites, type Principal } from '@vigie/runtime';
import { declineRequest, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { DeclineRequestDto, RequestDeclinedDto } from './decline-request.dto';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class DeclineRequestController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost(':requestId/decline')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Decline an open request (only the addressed operator), with a reason' })
  @ApiOkResponse({ type: RequestDeclinedDto })
  @ApiProblems([404, 422], ['REQUEST_NOT_OPEN'])
  async decline(
    @Meta() meta: CommandMeta,
    @CurrentPrincipal() principal: Principal,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: DeclineRequestDto,
  ): Promise<RequestDeclinedDto> {
    const { position, ...answer } = await declineRequest(this.deps, meta, principal.operatorId as string, requestId, body.reason);
    await this.readYourWrites.settle(position);
    return answer;
  }
}
