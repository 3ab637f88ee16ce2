import { Body, Controller, Inject } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites, type Principal } from '@vigie/runtime';
import { claimCosts, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { ClaimCostsDto, ClaimFiledDto } from './claim-costs.dto';

const TARIFFS = [
  'An operator claims the identifiable and specific extra costs of requests it served (L2321-3 al. 3).',
  'Each request may be in one claim only; the category (1° electronic-communications, 2° hosting) follows the role in which the operator was addressed, and one claim has one category.',
  'The answer shows the tariff-based expected amount: Σ over the requests of perRequestCents + perRecordCents × records delivered (0 for a declined request),',
  'with the prices of `VIGIE_TARIFFS_FILE`: `{ "default": { "subscriber-identification": { "perRequestCents": 0, "perRecordCents": 0 }, "technical-data": { … } },',
  '"operators": { "<operatorId>": { …same shape, partial allowed } } }` (integer cents ≥ 0, unknown keys refused at start-up; an operator price overrides the default, a missing one is 0).',
  'Without the file every price is 0.',
].join(' ');

@ApiTags('compensation')
@ApiBearerAuth()
@Controller('v1/claims')
export class ClaimCostsController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost()
  @Roles('operator')
  @ApiOperation({ summary: 'Claim compensation of extra costs for served requests', description: TARIFFS })
  @ApiCreatedResponse({ type: ClaimFiledDto })
  @ApiProblems([409, 422], ['REQUEST_NOT_SERVED', 'REQUEST_ALREADY_CLAIMED', 'CLAIM_MIXES_CATEGORIES'])
  async claim(@Meta() meta: CommandMeta, @CurrentPrincipal() principal: Principal, @Body() body: ClaimCostsDto): Promise<ClaimFiledDto> {
    const { position, ...answer } = await claimCosts(this.deps, meta, principal.operatorId as string, {
      ...(body.claimId !== undefined ? { claimId: body.claimId } : {}),
      requestIds: [...body.requestIds],
      amountCents: body.amountCents,
      description: body.description,
    });
    await this.readYourWrites.settle(position);
    return answer;
  }
}
