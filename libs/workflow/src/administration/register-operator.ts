import { operatorDecider, operatorStream, type OperatorCategory } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

export interface RegisterOperatorInput {
  readonly operatorId?: string;
  readonly name: string;
  readonly categories: readonly OperatorCategory[];
}

export async function registerOperator(
  deps: WorkflowDeps,
  meta: CommandMeta,
  input: RegisterOperatorInput,
): Promise<Outcome<{ operatorId: string }>> {
  const operatorId = input.operatorId ?? uuidFromSeed(`${meta.commandId}:operatorId`);
  const { position } = await handleCommand(
    deps.store,
    operatorStream(operatorId),
    operatorDecider,
    { type: 'RegisterOperator', data: { operatorId, name: input.name, categories: input.categories, registeredAt: meta.occurredAt } },
    () => undefined,
    meta,
  );
  return { operatorId, position };
}
