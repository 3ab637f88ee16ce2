import { requestDecider, requestStream, type RequestDeclined } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import type { CommandMeta } from '../kernel/command-meta';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

export interface DeclineAnswer {
  readonly requestId: string;
  readonly status: 'declined';
  readonly declinedAt: string;
}

/** The addressed operator declines an open request, with its reason. */
export async function declineRequest(
  deps: WorkflowDeps,
  meta: CommandMeta,
  operatorId: string,
  requestId: string,
  reason: string,
): Promise<Outcome<DeclineAnswer>> {
  const { events, position } = await handleCommand(
    deps.store,
    requestStream(requestId),
    requestDecider,
    { type: 'DeclineRequest', data: { operatorId, reason, declinedAt: meta.occurredAt } },
    () => undefined,
    meta,
  );
  const declined = events.find((e): e is RequestDeclined => e.type === 'RequestDeclined');
  return { requestId, status: 'declined', declinedAt: declined?.data.declinedAt ?? meta.occurredAt, position };
}
