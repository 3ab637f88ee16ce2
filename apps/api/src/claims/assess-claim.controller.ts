import { Body, Controller, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites } from '@vigie/runtime';
import { assessClaim, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { AssessClaimDto } from './assess-claim.dto';
import { ClaimViewDto } from './claim-view.dto';

@ApiTags('compensation')
@ApiBearerAuth()
@Controller('v1/claims')
export class AssessClaimController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost(':claimId/assessment')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Approve an amount for a claim, at most the claimed one, once' })
  @ApiOkResponse({ type: ClaimViewDto })
  @ApiProblems([404, 409, 422], ['CLAIM_ALREADY_ASSESSED', 'APPROVED_EXCEEDS_CLAIMED'])
  async assess(
    @Meta() meta: CommandMeta,
    @Param('claimId', uuidParam('claimId')) claimId: string,
    @Body() body: AssessClaimDto,
  ): Promise<ClaimViewDto> {
    const { position, ...claim } = await assessClaim(this.deps, meta, claimId, { approvedCents: body.approvedCents, note: body.note });
    await this.readYourWrites.settle(position);
    return { ...claim, requestIds: [...claim.requestIds] };
  }
}
