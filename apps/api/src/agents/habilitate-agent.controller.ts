import { Body, Controller, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites } from '@vigie/runtime';
import { habilitateAgent, revokeHabilitation, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { AgentCreatedDto, HabilitateAgentDto, RevokeHabilitationDto } from './habilitate-agent.dto';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('v1/agents')
export class HabilitateAgentController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost()
  @Roles('admin')
  @ApiOperation({ summary: "Record the Prime Minister's individual decision habilitating an agent (L2321-3 al. 1)" })
  @ApiCreatedResponse({ type: AgentCreatedDto })
  @ApiProblems([409, 422], ['PERIOD_INVALID'])
  async habilitate(@Meta() meta: CommandMeta, @Body() body: HabilitateAgentDto): Promise<AgentCreatedDto> {
    const { position, ...answer } = await habilitateAgent(this.deps, meta, body);
    await this.readYourWrites.settle(position);
    return answer;
  }

  @CommandPost(':agentId/revocation')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Withdraw an agent habilitation' })
  @ApiOkResponse({ schema: { example: { agentId: '…', revokedAt: '2026-03-02T09:00:00.000Z' } } })
  @ApiProblems([404, 422], ['AGENT_NOT_HABILITATED'])
  async revoke(
    @Meta() meta: CommandMeta,
    @Param('agentId', uuidParam('agentId')) agentId: string,
    @Body() body: RevokeHabilitationDto,
  ): Promise<{ agentId: string; revokedAt: string }> {
    const { position, ...answer } = await revokeHabilitation(this.deps, meta, agentId, body.reason);
    await this.readYourWrites.settle(position);
    return answer;
  }
}
