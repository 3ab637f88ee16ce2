import { requestDecider, requestStream, type IdentificationFiling, type TechnicalFiling } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import { loadAgent, loadHabilitationLists, loadIncident, loadOperator } from '../kernel/load';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

type WithoutFilingFacts<T> = Omit<T, 'requestId' | 'agentId' | 'filedAt'> & { readonly requestId?: string };
export type FileRequestInput = WithoutFilingFacts<IdentificationFiling> | WithoutFilingFacts<TechnicalFiling>;

/**
 * An agent files a request (L2321-3 al. 1 or al. 2). The cross-stream facts the rules
 * need — the agent's habilitation, the latest list sent to ARCEP, the operator's roles,
 * the incident — are loaded here and judged by the pure decider.
 */
export async function fileRequest(
  deps: WorkflowDeps,
  meta: CommandMeta,
  agentId: string,
  input: FileRequestInput,
): Promise<Outcome<{ requestId: string; status: 'filed' }>> {
  const requestId = input.requestId ?? uuidFromSeed(`${meta.commandId}:requestId`);
  const data = { ...input, requestId, agentId, filedAt: meta.occurredAt } as IdentificationFiling | TechnicalFiling;
  const { position } = await handleCommand(
    deps.store,
    requestStream(requestId),
    requestDecider,
    { type: 'FileRequest', data },
    async () => {
      const [agent, latestList, operator, incident] = await Promise.all([
        loadAgent(deps, agentId),
        loadHabilitationLists(deps.store),
        loadOperator(deps, input.operatorId),
        input.kind === 'technical-data' ? loadIncident(deps, input.incidentId) : Promise.resolve(undefined),
      ]);
      return { agent, latestList, operator, ...(incident ? { incident } : {}) };
    },
    meta,
  );
  return { requestId, status: 'filed', position };
}
