import { Body, Controller, Inject } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites } from '@vigie/runtime';
import { notifyIncident, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { IncidentCreatedDto, NotifyIncidentDto } from './notify-incident.dto';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('v1/incidents')
export class NotifyIncidentController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost()
  @Roles('admin')
  @ApiOperation({ summary: 'Record an incident an operator notified to ANSSI (L33-14 CPCE), the ground of technical-data requests' })
  @ApiCreatedResponse({ type: IncidentCreatedDto })
  @ApiProblems([409, 422], ['OPERATOR_NOT_FOUND', 'OPERATOR_NOT_ELECTRONIC_COMMUNICATIONS', 'PERIOD_INVALID'])
  async notify(@Meta() meta: CommandMeta, @Body() body: NotifyIncidentDto): Promise<IncidentCreatedDto> {
    const { position, ...answer } = await notifyIncident(this.deps, meta, {
      ...body,
      affectedEntity: { ...body.affectedEntity },
    });
    await this.readYourWrites.settle(position);
    return answer;
  }
}
