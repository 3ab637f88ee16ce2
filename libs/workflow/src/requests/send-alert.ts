import { IDENTIFICATION_FIELDS, isPlainObject, requestDecider, requestStream, type AlertChannel, type AlertSent } from '@vigie/domain';
import { createHash } from 'node:crypto';
import { handleCommand } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import { assertAgentMayUseData } from '../kernel/load';
import type { Outcome, WorkflowDeps } from '../kernel/workflow-deps';
import { loadDelivery, openRecords } from './delivered-dataset';

export interface SendAlertInput {
  readonly recordIndex: number;
  readonly channel: AlertChannel;
  readonly message: string;
}

/** The identification fields the record at `index` really carries (a null value is no value). */
const fieldsOfRecord = (records: readonly unknown[], index: number): string[] => {
  const record = records[index];
  if (!isPlainObject(record)) return [];
  return IDENTIFICATION_FIELDS.filter((f) => record[f] !== undefined && record[f] !== null);
};

/**
 * L2321-3 al. 1: ANSSI obtains identification data "afin de les alerter" — the agent alerts
 * the holder of one delivered record. Which fields that record has is learnt by decrypting
 * in memory only; the event keeps the message's digest, never the message nor the address.
 * The refusals come in the decider's order: the dataset is opened only once they all pass.
 */
export async function sendAlert(
  deps: WorkflowDeps,
  meta: CommandMeta,
  agentId: string,
  requestId: string,
  input: SendAlertInput,
): Promise<Outcome<{ alertId: string }>> {
  await assertAgentMayUseData(deps, agentId, meta.occurredAt, 'alert a holder');
  const alertId = uuidFromSeed(`${meta.commandId}:alertId`);
  const { state, sealed } = await loadDelivery(deps.store, requestId);
  const readable =
    state.status === 'delivered' &&
    state.filing.kind === 'subscriber-identification' &&
    Number.isInteger(input.recordIndex) &&
    input.recordIndex >= 0 &&
    input.recordIndex < state.delivery.recordCount &&
    sealed !== undefined;
  const recipientFields = readable ? fieldsOfRecord(await openRecords(deps.vault, sealed), input.recordIndex) : [];
  const { events, position } = await handleCommand(
    deps.store,
    requestStream(requestId),
    requestDecider,
    {
      type: 'SendAlert',
      data: {
        alertId,
        agentId,
        recordIndex: input.recordIndex,
        channel: input.channel,
        recipientFields,
        messageSha256: createHash('sha256').update(input.message, 'utf8').digest('hex'),
        sentAt: meta.occurredAt,
      },
    },
    () => undefined,
    meta,
  );
  const sent = events.find((e): e is AlertSent => e.type === 'AlertSent');
  return { alertId: sent?.data.alertId ?? alertId, position };
}
