import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend } from '@vigie/event-store/event-store.port';
import type { VigieEvent } from '@vigie/domain';

/** One event bound for a stream, as a test lists them. */
export interface StreamEvent {
  readonly streamId: string;
  readonly event: EventToAppend;
}

const at = (event: VigieEvent, occurredAt: string, streamId: string): StreamEvent => ({
  streamId,
  event: {
    eventId: randomUUID(),
    type: event.type,
    data: event.data as unknown as EventToAppend['data'],
    metadata: { occurredAt, actor: { id: 'p-test', role: 'admin' }, commandId: randomUUID(), schemaVersion: 1 },
  },
});

const req = (requestId: string): string => `request-${requestId}`;

/** Builders of valid domain events for read-model tests; every time is given by the test. */
export const ev = {
  identificationFiled: (requestId: string, operatorId: string, filedAt: string): StreamEvent =>
    at(
      {
        type: 'RequestFiled',
        data: {
          kind: 'subscriber-identification',
          legalBasis: 'L2321-3 al. 1',
          requestId,
          operatorId,
          addresseeRole: 'electronic-communications',
          agentId: 'agent-1',
          decisionRef: 'PM-2026-0001',
          justification: 'Botnet command server',
          filedAt,
          systemStatus: 'attacked',
          identifiers: [{ type: 'ipv4', value: '203.0.113.7', observedAt: '2026-03-01T00:00:00Z' }],
          fields: ['identity'],
        },
      },
      filedAt,
      req(requestId),
    ),
  technicalFiled: (requestId: string, operatorId: string, filedAt: string, incidentId = 'incident-1'): StreamEvent =>
    at(
      {
        type: 'RequestFiled',
        data: {
          kind: 'technical-data',
          legalBasis: 'L2321-3 al. 2',
          requestId,
          operatorId,
          addresseeRole: 'hosting',
          agentId: 'agent-1',
          decisionRef: 'PM-2026-0001',
          justification: 'Ransomware traffic',
          filedAt,
          incidentId,
          dataCategories: ['traffic', 'routing'],
          dataDescription: 'Flows',
          period: { from: '2026-02-27T00:00:00Z', to: '2026-03-01T00:00:00Z' },
        },
      },
      filedAt,
      req(requestId),
    ),
  notified: (requestId: string, sentAt: string, reference = 'ARCEP-1'): StreamEvent =>
    at(
      { type: 'OversightNotified', data: { requestId, incidentId: 'incident-1', dataCategories: ['traffic'], sentAt, reference, recordedAt: sentAt } },
      sentAt,
      req(requestId),
    ),
  delivered: (requestId: string, datasetId: string, deliveredAt: string, retentionDeadline: string, recordCount = 1): StreamEvent =>
    at(
      {
        type: 'DataDelivered',
        data: {
          requestId,
          kind: 'subscriber-identification',
          datasetId,
          sealed: { datasetId, keyId: `key-${datasetId}`, ciphertext: 'AAAA' },
          recordCount,
          fieldNames: ['identity'],
          deliveredAt,
          retentionDeadline,
        },
      },
      deliveredAt,
      req(requestId),
    ),
  declined: (requestId: string, operatorId: string, declinedAt: string): StreamEvent =>
    at({ type: 'RequestDeclined', data: { requestId, operatorId, reason: 'no such subscriber', declinedAt } }, declinedAt, req(requestId)),
  accessed: (requestId: string, datasetId: string, purpose: 'alert-holder' | 'characterize-threat', accessedAt: string): StreamEvent =>
    at({ type: 'DataAccessed', data: { requestId, datasetId, agentId: 'agent-1', purpose, accessedAt } }, accessedAt, req(requestId)),
  alert: (requestId: string, alertId: string, channel: 'email' | 'postal', sentAt: string): StreamEvent =>
    at(
      { type: 'AlertSent', data: { requestId, alertId, agentId: 'agent-1', recordIndex: 0, channel, messageSha256: 'ab'.repeat(32), sentAt } },
      sentAt,
      req(requestId),
    ),
  purged: (requestId: string, datasetId: string, reason: string, purgedAt: string, retentionDeadline: string, overdue = false): StreamEvent =>
    at(
      { type: 'DataPurged', data: { requestId, datasetId, keyId: `key-${datasetId}`, reason, by: 'scheduler', purgedAt, retentionDeadline, overdue } },
      purgedAt,
      req(requestId),
    ),
  claimed: (requestId: string, claimId: string, operatorId: string, reservedAt: string): StreamEvent =>
    at({ type: 'RequestClaimed', data: { requestId, claimId, operatorId, reservedAt } }, reservedAt, req(requestId)),
  listTransmitted: (listVersion: number, agentIds: readonly string[], transmittedAt: string): StreamEvent =>
    at({ type: 'HabilitationListTransmitted', data: { listVersion, agentIds, transmittedAt } }, transmittedAt, 'habilitation-lists'),
};

/** Appends the events in the order given, one append each; returns the last position. */
export async function appendEvents(store: EventStore, events: readonly StreamEvent[]): Promise<bigint> {
  let last = 0n;
  for (const e of events) last = (await store.append(e.streamId, [e.event], 'any')).position;
  return last;
}
