import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vigie/runtime';
import { RegisterQueries } from '@vigie/projections';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { decodeCursor, pageSize, toPage } from '../http/page';
import { fail } from '../http/problem';
import { normaliseInstant } from '../reports/instant-or-date.validator';
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
  @ApiOperation({ summary: 'The register, newest first, filtered by status, kind, operator and filing time (paged)' })
  @ApiOkResponse({ type: RequestListDto })
  @ApiProblems([])
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListRequestsQuery): Promise<RequestListDto> {
    const after = decodeCursor('requests', query.cursor, 2) as [string, string] | undefined;
    const limit = pageSize(query);
    if (principal.role === 'operator' && query.operatorId !== undefined && query.operatorId !== principal.operatorId) {
      return { items: [], next: null };
    }
    const operatorId = principal.role === 'operator' ? principal.operatorId : query.operatorId;
    const rows = await this.register.listRequests(
      {
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.kind !== undefined ? { kind: query.kind } : {}),
        ...(operatorId !== undefined ? { operatorId } : {}),
        ...(query.filedFrom !== undefined ? { filedFrom: normaliseInstant(query.filedFrom) } : {}),
        ...(query.filedTo !== undefined ? { filedTo: normaliseInstant(query.filedTo) } : {}),
      },
      { ...(after ? { after } : {}), limit },
    );
    return toPage('requests', rows, limit, (r) => [r.filedAt, r.requestId], (r) => r as RequestViewDto);
  }
}
