import { randomBytes } from 'node:crypto';
import type { EventToAppend, SqliteEventStore } from '@vigie/event-store';

/**
 * A realistic log for the audit bench: requests go through their whole life (filed,
 * oversight notice for technical data, delivered with a sealed dataset, accessed,
 * alert, claimed, purged) and each is compensated (claimed, assessed, paid), so about a
 * third of the events are claim events. Events of many streams interleave, as in
 * production, and are appended in large group-committed batches.
 */
const OPERATORS = ['0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b301', '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b302', '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b303'];
const AGENT = '6f1c2a52-8a0e-4c53-9d0e-1a2b3c4d5e01';
const START_MS = Date.parse('2024-01-01T00:00:00.000Z');
const BLOCK = 2000;

const uuid = (n: number, kind: number): string => {
  const hex = n.toString(16).padStart(12, '0');
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
};

type Step = (i: number, at: string) => { stream: string; type: string; data: Record<string, unknown> } | undefined;

const ciphertext = randomBytes(240).toString('base64');

const STEPS: readonly Step[] = [
  (i, at) => ({
    stream: `request-${uuid(i, 1)}`,
    type: 'RequestFiled',
    data: i % 2 === 0
      ? { requestId: uuid(i, 1), kind: 'subscriber-identification', legalBasis: 'L2321-3 al. 1', operatorId: OPERATORS[i % 3], agentId: AGENT, decisionRef: 'PM-2026-0001', systemStatus: 'attacked', identifiers: [{ type: 'ipv4', value: '203.0.113.7', port: 443, observedAt: at }], fields: ['identity', 'emailAddress'], justification: 'Botnet command server observed on this address', filedAt: at }
      : { requestId: uuid(i, 1), kind: 'technical-data', legalBasis: 'L2321-3 al. 2', operatorId: OPERATORS[i % 3], agentId: AGENT, decisionRef: 'PM-2026-0001', incidentId: uuid(i, 9), dataCategories: ['traffic', 'routing'], dataDescription: 'Flows to 198.51.100.0/24', period: { from: at, to: at }, justification: 'Characterise the C2 traffic', filedAt: at },
  }),
  (i, at) => i % 2 === 1 ? { stream: `request-${uuid(i, 1)}`, type: 'OversightNotified', data: { requestId: uuid(i, 1), incidentId: uuid(i, 9), dataCategories: ['traffic', 'routing'], sentAt: at, reference: `ARCEP-${i}`, recordedAt: at } } : undefined,
  (i, at) => ({ stream: `request-${uuid(i, 1)}`, type: 'DataDelivered', data: { requestId: uuid(i, 1), kind: i % 2 === 0 ? 'subscriber-identification' : 'technical-data', datasetId: uuid(i, 2), sealed: { datasetId: uuid(i, 2), keyId: uuid(i, 3), ciphertext, iv: 'AAAAAAAAAAAAAAAA', authTag: 'AAAAAAAAAAAAAAAAAAAAAA==' }, recordCount: 3, deliveredAt: at, retentionDeadline: '2026-01-01T00:00:00.000Z' } }),
  (i, at) => ({ stream: `request-${uuid(i, 1)}`, type: 'DataAccessed', data: { requestId: uuid(i, 1), datasetId: uuid(i, 2), agentId: AGENT, purpose: i % 2 === 0 ? 'alert-holder' : 'characterize-threat', accessedAt: at } }),
  (i, at) => i % 2 === 0 ? { stream: `request-${uuid(i, 1)}`, type: 'AlertSent', data: { requestId: uuid(i, 1), alertId: uuid(i, 4), agentId: AGENT, recordIndex: 0, channel: 'email', messageSha256: '0'.repeat(64), sentAt: at } } : undefined,
  (i, at) => ({ stream: `claim-${uuid(i, 5)}`, type: 'CostClaimed', data: { claimId: uuid(i, 5), operatorId: OPERATORS[i % 3], requestIds: [uuid(i, 1)], amountCents: 10_000 + (i % 50) * 100, expectedCents: 10_000, category: i % 3 === 1 ? 'hosting' : 'electronic-communications', description: 'Cost of answering the request', claimedAt: at } }),
  (i, at) => ({ stream: `request-${uuid(i, 1)}`, type: 'RequestClaimed', data: { requestId: uuid(i, 1), claimId: uuid(i, 5), operatorId: OPERATORS[i % 3], reservedAt: at } }),
  (i, at) => ({ stream: `claim-${uuid(i, 5)}`, type: 'CostClaimAssessed', data: { claimId: uuid(i, 5), operatorId: OPERATORS[i % 3], claimedCents: 10_000 + (i % 50) * 100, approvedCents: 10_000, note: 'Tariff', assessedAt: at, by: 'p-admin' } }),
  (i, at) => ({ stream: `claim-${uuid(i, 5)}`, type: 'CompensationPaid', data: { claimId: uuid(i, 5), operatorId: OPERATORS[i % 3], paidCents: 10_000, totalPaidCents: 10_000, paymentRef: `PAY-${i}`, paidAt: at, by: 'p-admin' } }),
  (i, at) => ({ stream: `request-${uuid(i, 1)}`, type: 'DataPurged', data: { requestId: uuid(i, 1), datasetId: uuid(i, 2), keyId: uuid(i, 3), reason: 'retention deadline reached', by: 'scheduler', purgedAt: at, retentionDeadline: '2026-01-01T00:00:00.000Z', overdue: false } }),
];

/** Appends about `events` events; returns the exact count written. */
export async function generateAuditLog(store: SqliteEventStore, events: number): Promise<number> {
  let written = 0;
  let clockMs = START_MS;
  for (let first = 0; written < events; first += BLOCK) {
    for (const step of STEPS) {
      const appends: Promise<unknown>[] = [];
      for (let i = first; i < first + BLOCK && written < events; i++) {
        clockMs += 1000;
        const at = new Date(clockMs).toISOString();
        const e = step(i, at);
        if (!e) continue;
        const event: EventToAppend = {
          eventId: uuid(written, 7),
          type: e.type,
          data: e.data,
          metadata: { eventId: uuid(written, 7), occurredAt: at, actor: { id: 'p-bench', role: 'admin' }, commandId: uuid(written, 8), correlationId: uuid(written, 8), causationId: uuid(written, 8), schemaVersion: 1 },
        };
        appends.push(store.append(e.stream, [event], 'any'));
        written++;
      }
      await Promise.all(appends);
    }
  }
  return written;
}
