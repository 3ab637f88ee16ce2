import { requestDecider, requestStream } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import type { CommandMeta } from '../kernel/command-meta';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

/** L36-14 CPCE (docs/design.md → Rules): ARCEP is informed of every technical-data request; this records the transmission. */
export async function recordOversightNotice(
  deps: WorkflowDeps,
  meta: CommandMeta,
  requestId: string,
  input: { readonly sentAt: string; readonly reference: string },
): Promise<Outcome<{ requestId: string; sentAt: string; reference: string }>> {
  const { position } = await handleCommand(
    deps.store,
    requestStream(requestId),
    requestDecider,
    { type: 'RecordOversightNotice', data: { ...input, recordedAt: meta.occurredAt } },
    () => undefined,
    meta,
  );
  return { requestId, sentAt: input.sentAt, reference: input.reference, position };
}
