import { Body, Controller, Inject } from '@nestjs/common';
import { CommandPost } from '../idempotency/command-post.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKFLOW_DEPS, ReadYourWrites } from '@vigie/runtime';
import { registerOperator, type CommandMeta, type WorkflowDeps } from '@vigie/workflow';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { Meta } from '../http/command-meta.decorator';
import { OperatorCreatedDto, RegisterOperatorDto } from './register-operator.dto';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('v1/operators')
export class RegisterOperatorController {
  constructor(
    @Inject(WORKFLOW_DEPS) private readonly deps: WorkflowDeps,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @CommandPost()
  @Roles('admin')
  @ApiOperation({ summary: 'Register an addressee: electronic-communications operator and/or hosting provider' })
  @ApiCreatedResponse({ type: OperatorCreatedDto })
  @ApiProblems([409])
  async register(@Meta() meta: CommandMeta, @Body() body: RegisterOperatorDto): Promise<OperatorCreatedDto> {
    const { position, ...answer } = await registerOperator(this.deps, meta, body);
    await this.readYourWrites.settle(position);
    return answer;
  }
}
