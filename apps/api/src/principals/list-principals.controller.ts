import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS } from '@vigie/runtime';
import { principalsFromLog, type WorkflowDeps } from '@vigie/workflow';
import { FILE_PRINCIPALS, type PrincipalDirectory } from '../auth/principals.token';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { decodeCursor, pageSize, toPage } from '../http/page';
import { filePrincipals } from './file-principals';
import { ListPrincipalsQuery, PrincipalListDto, type PrincipalViewDto } from './principal.dto';

const LIST = 'principals';

/**
 * Who could act, from the file and from the log itself (read to its head, so a principal
 * enrolled a moment ago is listed), in principal id order. Never a key nor its hash.
 */
@ApiTags('principals')
@ApiBearerAuth()
@Controller('v1/principals')
export class ListPrincipalsController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    @Inject(FILE_PRINCIPALS) private readonly file: PrincipalDirectory,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The principals, from the bootstrap file and enrolled through the API (paged)' })
  @ApiOkResponse({ type: PrincipalListDto })
  @ApiProblems([])
  async list(@Query() query: ListPrincipalsQuery): Promise<PrincipalListDto> {
    const after = decodeCursor(LIST, query.cursor, 1)?.[0];
    const limit = pageSize(query);
    const fromFile: PrincipalViewDto[] = filePrincipals(this.file).map((p) => ({
      principalId: p.id,
      role: p.role,
      ...(p.agentId !== undefined ? { agentId: p.agentId } : {}),
      ...(p.operatorId !== undefined ? { operatorId: p.operatorId } : {}),
      label: p.id,
      source: 'file',
    }));
    const fromLog: PrincipalViewDto[] = (await principalsFromLog(this.deps.store)).all().map((p) => ({
      principalId: p.principalId,
      role: p.role,
      ...(p.agentId !== undefined ? { agentId: p.agentId } : {}),
      ...(p.operatorId !== undefined ? { operatorId: p.operatorId } : {}),
      label: p.label,
      source: 'api',
      enrolledAt: p.enrolledAt,
      ...(p.revokedAt !== undefined ? { revokedAt: p.revokedAt } : {}),
    }));
    const rows = [...fromFile, ...fromLog]
      .filter((p) => (query.role === undefined || p.role === query.role) && (after === undefined || p.principalId > after))
      .sort((a, b) => (a.principalId < b.principalId ? -1 : a.principalId > b.principalId ? 1 : 0))
      .slice(0, limit + 1);
    return toPage(LIST, rows, limit, (p) => [p.principalId], (p) => p);
  }
}
