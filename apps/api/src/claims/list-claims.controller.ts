import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClaimsQueries } from '@vigie/projections';
import type { Principal } from '@vigie/runtime';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { decodeCursor, pageSize, toPage } from '../http/page';
import { ClaimListDto, ListClaimsQuery } from './list-claims.dto';

/** The claims, newest first, from the compensation read model. An operator sees only its own. */
@ApiTags('compensation')
@ApiBearerAuth()
@Controller('v1/claims')
export class ListClaimsController {
  constructor(private readonly claims: ClaimsQueries) {}

  @Get()
  @Roles('operator', 'admin', 'auditor')
  @ApiOperation({ summary: 'The claims, filtered by operator and status (paged)' })
  @ApiOkResponse({ type: ClaimListDto })
  @ApiProblems([])
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListClaimsQuery): Promise<ClaimListDto> {
    const after = decodeCursor('claims', query.cursor, 2) as [string, string] | undefined;
    const limit = pageSize(query);
    if (principal.role === 'operator' && query.operatorId !== undefined && query.operatorId !== principal.operatorId) {
      return { items: [], next: null };
    }
    const operatorId = principal.role === 'operator' ? principal.operatorId : query.operatorId;
    const rows = await this.claims.list(
      { ...(operatorId !== undefined ? { operatorId } : {}), ...(query.status !== undefined ? { status: query.status } : {}) },
      { ...(after ? { after } : {}), limit },
    );
    return toPage('claims', rows, limit, (c) => [c.claimedAt, c.claimId], (c) => ({ ...c, requestIds: [...c.requestIds] }));
  }
}
