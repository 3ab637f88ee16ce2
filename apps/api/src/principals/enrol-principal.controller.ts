import { Body, Controller, Inject } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS } from '@vigie/runtime';
import { enrolPrincipal, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { PrincipalKeyring } from '../auth/principal-keyring';
import { FILE_PRINCIPALS, type PrincipalDirectory } from '../auth/principals.token';
import { Roles } from '../auth/roles.decorator';
import { NotReplayable } from '../idempotency/not-replayable.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { filePrincipals } from './file-principals';
import { newApiKey } from './new-api-key';
import { EnrolPrincipalDto, PrincipalEnrolledDto } from './principal.dto';

@ApiTags('principals')
@ApiBearerAuth()
@Controller('v1/principals')
export class EnrolPrincipalController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    @Inject(FILE_PRINCIPALS) private readonly file: PrincipalDirectory,
    private readonly keyring: PrincipalKeyring,
  ) {}

  @CommandPost()
  @Roles('admin')
  // The answer holds a key in clear: it is never stored for a replay.
  @NotReplayable()
  @ApiOperation({ summary: 'Enrol a principal and give it an API key, shown this once' })
  @ApiCreatedResponse({ type: PrincipalEnrolledDto })
  @ApiProblems([409, 422], ['AGENT_NOT_FOUND', 'OPERATOR_NOT_FOUND'])
  async enrol(@Meta() meta: CommandMeta, @Body() body: EnrolPrincipalDto): Promise<PrincipalEnrolledDto> {
    const { key, keySha256 } = newApiKey();
    const { position, principalId, role } = await enrolPrincipal(this.deps, meta, filePrincipals(this.file), { ...body, keySha256 });
    // The key works on this process as soon as it is handed out.
    await this.keyring.reach(position);
    return { principalId, role, key };
  }
}
