import { Body, Controller, HttpCode, Inject, Param } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS } from '@vigie/runtime';
import { revokePrincipal, rotatePrincipalKey, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { PrincipalKeyring } from '../auth/principal-keyring';
import { FILE_PRINCIPALS, type PrincipalDirectory } from '../auth/principals.token';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { fail } from '../http/problem';
import { NotReplayable } from '../idempotency/not-replayable.decorator';
import { filePrincipals } from './file-principals';
import { newApiKey } from './new-api-key';
import { PrincipalIdPipe } from './principal-id.pipe';
import { PrincipalKeyDto, RevokePrincipalDto } from './principal.dto';

/** A key's life after enrolment: rotated (the old key stops working) or revoked for good. */
@ApiTags('principals')
@ApiBearerAuth()
@Controller('v1/principals/:principalId')
export class PrincipalKeyController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    @Inject(FILE_PRINCIPALS) private readonly file: PrincipalDirectory,
    private readonly keyring: PrincipalKeyring,
  ) {}

  @CommandPost('revocation')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke a principal: its key answers 401 on every replica within a second' })
  @ApiOkResponse({ description: 'Revoked' })
  @ApiProblems([404, 422], ['PRINCIPAL_REVOKED', 'LAST_ADMIN', 'PRINCIPAL_FROM_FILE'])
  async revoke(
    @Meta() meta: CommandMeta,
    @Param('principalId', PrincipalIdPipe) principalId: string,
    @Body() body: RevokePrincipalDto,
  ): Promise<Record<string, never>> {
    const { position } = await revokePrincipal(this.deps, meta, filePrincipals(this.file), { principalId, reason: body.reason });
    await this.keyring.reach(position);
    return {};
  }

  @CommandPost('key-rotation')
  @HttpCode(200)
  @Roles('admin')
  // The answer holds a key in clear: it is never stored for a replay.
  @NotReplayable()
  @ApiOperation({ summary: 'Give a principal a new key, shown this once; the old key stops working' })
  @ApiOkResponse({ type: PrincipalKeyDto })
  @ApiProblems([404, 422], ['PRINCIPAL_REVOKED', 'PRINCIPAL_FROM_FILE'])
  async rotate(
    @Meta() meta: CommandMeta,
    @Param('principalId', PrincipalIdPipe) principalId: string,
    @Body() body: unknown,
  ): Promise<PrincipalKeyDto> {
    // The body is `{}`: the new key is made here, nothing to choose.
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length > 0)) {
      fail(400, 'VALIDATION_FAILED', 'The body must be an empty object.', Object.keys(body as object).map((field) => ({ field, message: `property ${field} should not exist` })));
    }
    const { key, keySha256 } = newApiKey();
    const { position } = await rotatePrincipalKey(this.deps, meta, filePrincipals(this.file), { principalId, keySha256 });
    await this.keyring.reach(position);
    return { key };
  }
}
