import { Body, Controller, Inject } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites, type Principal } from '@vigie/runtime';
import { fileRequest, type CommandMeta, type FileRequestInput, type WorkflowDeps } from '@vigie/workflow';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { fail } from '../http/problem';
import { validateAs } from '../http/validation.pipe';
import { FileIdentificationRequestDto, FileTechnicalRequestDto, RequestFiledDto } from './file-request.dto';

const DTO_BY_KIND = {
  'subscriber-identification': FileIdentificationRequestDto,
  'technical-data': FileTechnicalRequestDto,
} as const;

@ApiTags('requests')
@ApiBearerAuth()
@ApiExtraModels(FileIdentificationRequestDto, FileTechnicalRequestDto)
@Controller('v1/requests')
export class FileRequestController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost()
  @Roles('agent')
  @ApiOperation({ summary: 'File a request to an operator: subscriber identification (L2321-3 al. 1) or technical data (al. 2)' })
  @ApiBody({
    schema: {
      oneOf: [{ $ref: getSchemaPath(FileIdentificationRequestDto) }, { $ref: getSchemaPath(FileTechnicalRequestDto) }],
      discriminator: { propertyName: 'kind' },
    },
  })
  @ApiCreatedResponse({ type: RequestFiledDto })
  @ApiProblems([409, 422], [
    'AGENT_NOT_HABILITATED',
    'OPERATOR_NOT_FOUND',
    'OPERATOR_CATEGORY_NOT_ALLOWED',
    'INCIDENT_NOT_FOUND',
    'PERIOD_INVALID',
  ])
  async file(@Meta() meta: CommandMeta, @CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<RequestFiledDto> {
    const kind = typeof body === 'object' && body !== null ? (body as { kind?: unknown }).kind : undefined;
    if (kind !== 'subscriber-identification' && kind !== 'technical-data') {
      return fail(400, 'VALIDATION_FAILED', 'kind must be subscriber-identification or technical-data.', [
        { field: 'kind', message: 'kind must be one of the following values: subscriber-identification, technical-data' },
      ]);
    }
    const dto = await validateAs<FileIdentificationRequestDto | FileTechnicalRequestDto>(DTO_BY_KIND[kind], body);
    const input = JSON.parse(JSON.stringify(dto)) as FileRequestInput;
    const { position, ...answer } = await fileRequest(this.deps, meta, principal.agentId as string, input);
    await this.readYourWrites.settle(position);
    return answer;
  }
}
