import { incidentDecider, incidentStream, type IncidentNotifiedData } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import { loadOperator } from '../kernel/load';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

export type NotifyIncidentInput = Omit<IncidentNotifiedData, 'incidentId' | 'notifiedAt'> & { readonly incidentId?: string };

/** L2321-3 al. 2 and L33-14 CPCE: an operator informed ANSSI of an event affecting a protected entity. */
export async function notifyIncident(
  deps: WorkflowDeps,
  meta: CommandMeta,
  input: NotifyIncidentInput,
): Promise<Outcome<{ incidentId: string }>> {
  const incidentId = input.incidentId ?? uuidFromSeed(`${meta.commandId}:incidentId`);
  const { position } = await handleCommand(
    deps.store,
    incidentStream(incidentId),
    incidentDecider,
    { type: 'NotifyIncident', data: { ...input, incidentId, notifiedAt: meta.occurredAt } },
    async () => ({ reporter: await loadOperator(deps, input.reportedBy) }),
    meta,
  );
  return { incidentId, position };
}
