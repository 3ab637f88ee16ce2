import {
  addCalendarPeriod,
  DomainError,
  requestDecider,
  requestStream,
  type DataDelivered,
  type DeliverData,
  type RequestKind,
  type SealedDataset,
} from '@vigie/domain';
import { handleCommand, loadStream } from '../kernel/command-handler';
import { knownNotWritten } from '../kernel/append-outcome';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';

export interface DeliveryAnswer {
  readonly datasetId: string;
  readonly retentionDeadline: string;
}

const retentionKey = (kind: RequestKind): 'identification' | 'technical' =>
  kind === 'subscriber-identification' ? 'identification' : 'technical';

const answerOf = (events: readonly { type: string; data: unknown }[]): DeliveryAnswer => {
  const delivered = events.find((e) => e.type === 'DataDelivered');
  if (!delivered) throw new DomainError('REQUEST_NOT_OPEN', 'this command did not deliver data');
  const { datasetId, retentionDeadline } = delivered.data as DataDelivered['data'];
  return { datasetId, retentionDeadline };
};

const deliverCommand = (
  operatorId: string,
  records: readonly unknown[],
  sealed: DeliverData['data']['sealed'],
  meta: CommandMeta,
  retentionDeadline: string,
): DeliverData => ({
  type: 'DeliverData',
  data: { operatorId, records, sealed, deliveredAt: meta.occurredAt, retentionDeadline },
});

/**
 * The addressed operator answers with records (L2321-3 al. 1 or al. 2). The records are
 * checked by the decider first, then sealed in the vault: the event carries only the
 * ciphertext (docs/design.md → Personal and technical data). The retention deadline is the
 * delivery time plus the configured period of the request's kind (five years at most).
 */
export async function deliverData(
  deps: WorkflowDeps,
  meta: CommandMeta,
  operatorId: string,
  requestId: string,
  records: readonly unknown[],
): Promise<Outcome<DeliveryAnswer>> {
  const streamId = requestStream(requestId);
  const loaded = await loadStream(deps.store, streamId, requestDecider);
  const previous = loaded.recorded.filter((e) => e.metadata.commandId === meta.commandId);
  // A recognised retry answers as the first time, without sealing anything again.
  if (previous.length > 0) return { ...answerOf(previous), position: previous[previous.length - 1].position };
  if (loaded.state.status === 'unknown') throw new DomainError('NOT_FOUND', 'request not found');
  const retentionDeadline = addCalendarPeriod(meta.occurredAt, deps.retention[retentionKey(loaded.state.filing.kind)]);
  const datasetId = uuidFromSeed(`${meta.commandId}:datasetId`);
  // Judge the records before any key exists: refused plaintext is never encrypted nor stored.
  const placeholder: SealedDataset = { datasetId, keyId: 'not-sealed-yet', ciphertext: '' };
  requestDecider.decide(deliverCommand(operatorId, records, placeholder, meta, retentionDeadline), loaded.state, undefined);

  const sealed = await deps.vault.seal(datasetId, JSON.stringify(records));
  let handled;
  try {
    handled = await handleCommand(
      deps.store,
      streamId,
      requestDecider,
      deliverCommand(operatorId, records, { ...sealed }, meta, retentionDeadline),
      () => undefined,
      meta,
    );
  } catch (error) {
    // After an ambiguous outcome the delivery may be in the log: its key must stay, the
    // retry with the same Idempotency-Key finds it, and the reconciliation pass destroys
    // the key later if no event ever refers to it.
    if (knownNotWritten(error)) await discardQuietly(deps, sealed.keyId);
    throw error;
  }
  if (!handled.appended) {
    // A concurrent retry won: its key is the one the log refers to; ours must not outlive it.
    await discardQuietly(deps, sealed.keyId);
    return { ...answerOf(handled.events), position: handled.position };
  }
  return { datasetId, retentionDeadline, position: handled.position };
}

/** The refusal is what the caller must see; a key that seals nothing stored is harmless if its discard fails. */
const discardQuietly = async (deps: WorkflowDeps, keyId: string): Promise<void> => {
  try {
    await deps.vault.discard(keyId);
  } catch {
    return;
  }
};
