import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, type Principal } from '@vigie/runtime';
import { getClaim, type WorkflowDeps } from '@vigie/workflow';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { fail } from '../http/problem';
import { uuidParam } from '../http/uuid-param.pipe';
import { ClaimViewDto } from './claim-view.dto';

/** One claim, folded from its stream. An operator sees only its own claims. */
@ApiTags('compensation')
@ApiBearerAuth()
@Controller('v1/claims')
export class ReadClaimController {
  constructor(@Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps) {}

  @Get(':claimId')
  @Roles('operator', 'admin', 'auditor')
  @ApiOperation({ summary: 'A claim: claimed, tariff-based expected, approved and paid amounts' })
  @ApiOkResponse({ type: ClaimViewDto })
  @ApiProblems([404])
  async get(@CurrentPrincipal() principal: Principal, @Param('claimId', uuidParam('claimId')) claimId: string): Promise<ClaimViewDto> {
    const claim = await getClaim(this.deps, claimId);
    // Another operator's claim does not exist for this operator: no hint that the id is used.
    if (principal.role === 'operator' && claim.operatorId !== principal.operatorId) return fail(404, 'NOT_FOUND', `No claim ${claimId}.`);
    return { ...claim, requestIds: [...claim.requestIds] };
  }
}
