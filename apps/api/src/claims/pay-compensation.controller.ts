import { Body, Controller, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites } from '@vigie/runtime';
import { payCompensation, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { ClaimViewDto } from './claim-view.dto';
import { PayCompensationDto } from './pay-compensation.dto';

@ApiTags('compensation')
@ApiBearerAuth()
@Controller('v1/claims')
export class PayCompensationController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost(':claimId/payment')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Record a payment on an assessed claim (several partial payments allowed, never above the approved amount)' })
  @ApiOkResponse({ type: ClaimViewDto })
  @ApiProblems([404, 409, 422], ['CLAIM_NOT_ASSESSED', 'PAYMENT_EXCEEDS_APPROVED'])
  async pay(
    @Meta() meta: CommandMeta,
    @Param('claimId', uuidParam('claimId')) claimId: string,
    @Body() body: PayCompensationDto,
  ): Promise<ClaimViewDto> {
    const { position, ...claim } = await payCompensation(this.deps, meta, claimId, { paidCents: body.paidCents, paymentRef: body.paymentRef });
    await this.readYourWrites.settle(position);
    return { ...claim, requestIds: [...claim.requestIds] };
  }
}
