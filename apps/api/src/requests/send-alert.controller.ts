import { Body, Controller, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites, type Principal } from '@vigie/runtime';
import { sendAlert, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { AlertSentDto, SendAlertDto } from './send-alert.dto';

/** L2321-3 al. 1: identification data serve to alert the holders of vulnerable, threatened or attacked systems. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class SendAlertController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost(':requestId/alerts')
  @Roles('agent')
  @ApiOperation({ summary: 'Alert the holder of one delivered record (identification requests only)' })
  @ApiCreatedResponse({ type: AlertSentDto })
  @ApiProblems([404, 410, 422], ['NOT_AN_IDENTIFICATION_REQUEST', 'NO_DATA', 'RECORD_NOT_FOUND', 'CHANNEL_NOT_DELIVERED', 'AGENT_NOT_HABILITATED'])
  async alert(
    @Meta() meta: CommandMeta,
    @CurrentPrincipal() principal: Principal,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: SendAlertDto,
  ): Promise<AlertSentDto> {
    const { position, ...answer } = await sendAlert(this.deps, meta, principal.agentId as string, requestId, {
      recordIndex: body.recipient.recordIndex,
      channel: body.channel,
      message: body.message,
    });
    await this.readYourWrites.settle(position);
    return answer;
  }
}
