import { Body, Controller, Inject } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites } from '@vigie/runtime';
import { transmitHabilitationList, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { fail } from '../http/problem';

export class TransmittedListDto {
  @ApiProperty() listVersion!: number;
  @ApiProperty({ type: [String] }) agentIds!: string[];
  @ApiProperty({ format: 'date-time' }) transmittedAt!: string;
}

@ApiTags('administration')
@ApiBearerAuth()
@Controller('v1/habilitation-lists')
export class TransmitHabilitationListController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost()
  @Roles('admin')
  @ApiOperation({ summary: 'Transmit to ARCEP the list of the agents habilitated now (L2321-3 al. 1)' })
  @ApiCreatedResponse({ type: TransmittedListDto })
  @ApiProblems([422], ['NO_HABILITATED_AGENT'])
  async transmit(@Meta() meta: CommandMeta, @Body() body: unknown): Promise<TransmittedListDto> {
    // The body is `{}`: the list is a snapshot of the agents habilitated now, nothing to choose.
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length > 0)) {
      fail(400, 'VALIDATION_FAILED', 'The body must be an empty object.', Object.keys(body as object).map((field) => ({ field, message: `property ${field} should not exist` })));
    }
    const { position, ...list } = await transmitHabilitationList(this.deps, meta);
    await this.readYourWrites.settle(position);
    return { ...list, agentIds: [...list.agentIds] };
  }
}
