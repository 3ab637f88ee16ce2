import { Body, Controller, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites, type Principal } from '@vigie/runtime';
import { deliverData, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { DeliverDataDto, DeliveryDto } from './deliver-data.dto';

/** The addressed operator delivers the records; Vigie keeps them only encrypted (crypto-shredding on purge). */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class DeliverDataController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost(':requestId/delivery')
  @Roles('operator')
  @ApiOperation({ summary: 'Deliver the requested data (only the addressed operator); stored encrypted, with a retention deadline' })
  @ApiCreatedResponse({ type: DeliveryDto })
  @ApiProblems([404, 422], ['REQUEST_NOT_OPEN', 'FIELD_NOT_REQUESTED', 'IDENTIFIER_NOT_REQUESTED', 'CATEGORY_NOT_REQUESTED', 'CONTENT_EXCLUDED'])
  async deliver(
    @Meta() meta: CommandMeta,
    @CurrentPrincipal() principal: Principal,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: DeliverDataDto,
  ): Promise<DeliveryDto> {
    const { position, ...answer } = await deliverData(this.deps, meta, principal.operatorId as string, requestId, body.records);
    await this.readYourWrites.settle(position);
    return answer;
  }
}
