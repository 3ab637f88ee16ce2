import { DomainError, requestDecider, requestStream, type AccessPurpose, type DataAccessed } from '@vigie/domain';
import { handleCommand } from '../kernel/command-handler';
import type { CommandMeta } from '../kernel/command-meta';
import { assertAgentMayUseData } from '../kernel/load';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';
import { loadDelivery, openRecords } from './delivered-dataset';

export interface AccessAnswer {
  readonly datasetId: string;
  readonly records: readonly unknown[];
}

/**
 * An agent reads delivered data for a declared purpose (L2321-3 al. 1: to alert the holder;
 * al. 2: to characterise the threat). DataAccessed is appended before anything is decrypted,
 * so every read is in the audit trail (docs/design.md). The answer holds plaintext: callers must
 * neither log it nor store it (the API does not replay it from its idempotency store).
 */
export async function accessData(
  deps: WorkflowDeps,
  meta: CommandMeta,
  agentId: string,
  requestId: string,
  purpose: AccessPurpose,
): Promise<Outcome<AccessAnswer>> {
  await assertAgentMayUseData(deps, agentId, meta.occurredAt, 'read the delivered data');
  const { events, position } = await handleCommand(
    deps.store,
    requestStream(requestId),
    requestDecider,
    { type: 'AccessData', data: { agentId, purpose, accessedAt: meta.occurredAt } },
    () => undefined,
    meta,
  );
  const accessed = events.find((e): e is DataAccessed => e.type === 'DataAccessed');
  if (!accessed) throw new DomainError('NO_DATA', 'no data was delivered');
  const { state, sealed } = await loadDelivery(deps.store, requestId);
  // Purged between the access and now: the key is gone, and so is the data.
  if (state.status === 'purged') throw new DomainError('DATA_PURGED', 'the delivered data was purged');
  if (!sealed || sealed.datasetId !== accessed.data.datasetId) throw new DomainError('NO_DATA', 'no data was delivered');
  return { datasetId: sealed.datasetId, records: await openRecords(deps.vault, sealed), position };
}
