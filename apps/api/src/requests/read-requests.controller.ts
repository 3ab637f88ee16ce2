import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vigie/runtime';
import { RegisterQueries } from '@vigie/projections';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { fail } from '../http/problem';
import { uuidParam } from '../http/uuid-param.pipe';
import { ListRequestsQuery, RequestListDto, RequestViewDto } from './request-view.dto';

/** The register, from its read model. An operator sees only the requests addressed to it. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class ReadRequestsController {
  constructor(private readonly register: RegisterQueries) {}

  @Get(':requestId')
  @Roles('agent', 'admin', 'auditor', 'operator')
  @ApiOperation({ summary: 'One request of the register (never any delivered data)' })
  @ApiOkResponse({ type: RequestViewDto })
  @ApiProblems([404])
  async get(@CurrentPrincipal() principal: Principal, @Param('requestId', uuidParam('requestId')) requestId: string): Promise<RequestViewDto> {
    const view = await this.register.findRequest(requestId);
    // Another operator's request does not exist for this operator: no hint that the id is used.
    if (!view || (principal.role === 'operator' && view.operatorId !== principal.operatorId)) {
      return fail(404, 'NOT_FOUND', `No request ${requestId}.`);
    }
    return view as RequestViewDto;
  }

  @Get()
  @Roles('agent', 'admin', 'auditor', 'operator')
  @ApiOperation({ summary: 'The register, filtered by status, kind and operator' })
  @ApiOkResponse({ type: RequestListDto })
  @ApiProblems([])
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListRequestsQuery): Promise<RequestListDto> {
    if (principal.role === 'operator' && query.operatorId !== undefined && query.operatorId !== principal.operatorId) {
      return { items: [] };
    }
    const operatorId = principal.role === 'operator' ? principal.operatorId : query.operatorId;
    return { items: (await this.register.listRequests({ ...query, operatorId })) as RequestViewDto[] };
  }
}
