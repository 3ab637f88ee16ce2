import { randomBytes } from 'node:crypto';
import type { EventToAppend, SqliteEventStore } from '@vigie/event-store';

/**
 * A realistic log for the benches: every event type Vigie writes, in the proportions of
 * a working year. The directory first (operators registered, agents habilitated and now
 * and then revoked, habilitation lists sent to ARCEP, incidents notified), then requests
 * of both kinds through their whole life: filed, oversight notice for technical data,
 * one in ten declined, the others delivered with a sealed dataset, accessed, alerted,
 * claimed (a few claims released), assessed, paid and purged. About a third of the
 * events are claim events. Events of many streams interleave, as in production, and are
 * appended in large group-committed batches.
 */
const OPERATORS = ['0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b301', '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b302', '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b303'];
const START_MS = Date.parse('2024-01-01T00:00:00.000Z');
const BLOCK = 2000;
/** One agent habilitated per this many requests; each files the requests that follow. */
const AGENT_EVERY = 200;

const uuid = (n: number, kind: number): string => {
  const hex = n.toString(16).padStart(12, '0');
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
};

const agentOf = (i: number): string => uuid(Math.floor(i / AGENT_EVERY), 6);
const incidentOf = (i: number): string => uuid(Math.floor(i / 8) * 8 + 1, 9);
const declined = (i: number): boolean => i % 10 === 7;
const technical = (i: number): boolean => i % 2 === 1;

type Step = (i: number, at: string) => { stream: string; type: string; data: Record<string, unknown> } | undefined;

const ciphertext = randomBytes(240).toString('base64');

const DIRECTORY: readonly Step[] = [
  (i, at) => (i < OPERATORS.length ? { stream: `operator-${OPERATORS[i]}`, type: 'OperatorRegistered', data: { operatorId: OPERATORS[i], name: `Operator ${i}`, categories: ['electronic-communications', 'hosting'], registeredAt: at } } : undefined),
  (i, at) => (i % AGENT_EVERY === 0 ? { stream: `agent-${agentOf(i)}`, type: 'AgentHabilitated', data: { agentId: agentOf(i), fullName: `Agent ${i / AGENT_EVERY}`, decisionRef: `PM-${i}`, habilitatedOn: at.slice(0, 10), at } } : undefined),
  (i, at) => (i % BLOCK === BLOCK / 2 && i >= 3 * AGENT_EVERY ? { stream: `agent-${agentOf(i - 3 * AGENT_EVERY)}`, type: 'AgentHabilitationRevoked', data: { agentId: agentOf(i - 3 * AGENT_EVERY), decisionRef: `PM-R-${i}`, reason: 'Left the service', revokedAt: at } } : undefined),
  (i, at) => (i % (BLOCK / 2) === BLOCK / 2 - 1 ? { stream: 'habilitation-lists', type: 'HabilitationListTransmitted', data: { listVersion: (i + 1) / (BLOCK / 2), agentIds: Array.from({ length: 20 }, (_, k) => agentOf(Math.max(0, i - k * AGENT_EVERY))), transmittedAt: at } } : undefined),
  (i, at) => (i % 8 === 1 ? { stream: `incident-${incidentOf(i)}`, type: 'IncidentNotified', data: { incidentId: incidentOf(i), reportedBy: OPERATORS[i % 3], affectedEntity: { name: `Hospital ${i}`, category: 'essential-service-operator' }, summary: 'Ransomware detected on the network', observedAt: at, notifiedAt: at } } : undefined),
];

/** Steps after the filing skip a declined request: it has no data, hence no use or claim. */
const served = (step: Step): Step => (i, at) => (declined(i) ? undefined : step(i, at));

const STEPS: readonly Step[] = [
  ...DIRECTORY,
  (i, at) => ({
    stream: `request-${uuid(i, 1)}`,
    type: 'RequestFiled',
    data: i % 2 === 0
      ? { requestId: uuid(i, 1), kind: 'subscriber-identification', legalBasis: 'L2321-3 al. 1', operatorId: OPERATORS[i % 3], agentId: agentOf(i), decisionRef: 'PM-2026-0001', systemStatus: 'attacked', identifiers: [{ type: 'ipv4', value: '203.0.113.7', port: 443, observedAt: at }], fields: ['identity', 'emailAddress'], justification: 'Botnet command server observed on this address', filedAt: at }
      : { requestId: uuid(i, 1), kind: 'technical-data', legalBasis: 'L2321-3 al. 2', operatorId: OPERATORS[i % 3], agentId: agentOf(i), decisionRef: 'PM-2026-0001', incidentId: incidentOf(i), dataCategories: ['traffic', 'routing'], dataDescription: 'Flows to 198.51.100.0/24', period: { from: at, to: at }, justification: 'Characterise the C2 traffic', filedAt: at },
  }),
  (i, at) => technical(i) ? { stream: `request-${uuid(i, 1)}`, type: 'OversightNotified', data: { requestId: uuid(i, 1), incidentId: incidentOf(i), dataCategories: ['traffic', 'routing'], sentAt: at, reference: `ARCEP-${i}`, recordedAt: at } } : undefined,
  (i, at) => (declined(i) ? { stream: `request-${uuid(i, 1)}`, type: 'RequestDeclined', data: { requestId: uuid(i, 1), operatorId: OPERATORS[i % 3], reason: 'No such subscriber', declinedAt: at } } : undefined),
  served((i, at) => ({ stream: `request-${uuid(i, 1)}`, type: 'DataDelivered', data: { requestId: uuid(i, 1), kind: i % 2 === 0 ? 'subscriber-identification' : 'technical-data', datasetId: uuid(i, 2), sealed: { datasetId: uuid(i, 2), keyId: uuid(i, 3), ciphertext, iv: 'AAAAAAAAAAAAAAAA', authTag: 'AAAAAAAAAAAAAAAAAAAAAA==' }, recordCount: 3, deliveredAt: at, retentionDeadline: '2026-01-01T00:00:00.000Z' } })),
  served((i, at) => ({ stream: `request-${uuid(i, 1)}`, type: 'DataAccessed', data: { requestId: uuid(i, 1), datasetId: uuid(i, 2), agentId: agentOf(i), purpose: i % 2 === 0 ? 'alert-holder' : 'characterize-threat', accessedAt: at } })),
  served((i, at) => i % 2 === 0 ? { stream: `request-${uuid(i, 1)}`, type: 'AlertSent', data: { requestId: uuid(i, 1), alertId: uuid(i, 4), agentId: agentOf(i), recordIndex: 0, channel: 'email', messageSha256: '0'.repeat(64), sentAt: at } } : undefined),
  served((i, at) => ({ stream: `claim-${uuid(i, 5)}`, type: 'CostClaimed', data: { claimId: uuid(i, 5), operatorId: OPERATORS[i % 3], requestIds: [uuid(i, 1)], amountCents: 10_000 + (i % 50) * 100, expectedCents: 10_000, category: i % 3 === 1 ? 'hosting' : 'electronic-communications', description: 'Cost of answering the request', claimedAt: at } })),
  served((i, at) => ({ stream: `request-${uuid(i, 1)}`, type: 'RequestClaimed', data: { requestId: uuid(i, 1), claimId: uuid(i, 5), operatorId: OPERATORS[i % 3], reservedAt: at } })),
  served((i, at) => (i % 20 === 3 ? { stream: `request-${uuid(i, 1)}`, type: 'RequestClaimReleased', data: { requestId: uuid(i, 1), claimId: uuid(i, 5), releasedAt: at } } : undefined)),
  served((i, at) => ({ stream: `claim-${uuid(i, 5)}`, type: 'CostClaimAssessed', data: { claimId: uuid(i, 5), operatorId: OPERATORS[i % 3], claimedCents: 10_000 + (i % 50) * 100, approvedCents: 10_000, note: 'Tariff', assessedAt: at, by: 'p-admin' } })),
  served((i, at) => ({ stream: `claim-${uuid(i, 5)}`, type: 'CompensationPaid', data: { claimId: uuid(i, 5), operatorId: OPERATORS[i % 3], paidCents: 10_000, totalPaidCents: 10_000, paymentRef: `PAY-${i}`, paidAt: at, by: 'p-admin' } })),
  served((i, at) => ({ stream: `request-${uuid(i, 1)}`, type: 'DataPurged', data: { requestId: uuid(i, 1), datasetId: uuid(i, 2), keyId: uuid(i, 3), reason: 'retention deadline reached', by: 'scheduler', purgedAt: at, retentionDeadline: '2026-01-01T00:00:00.000Z', overdue: false } })),
];

/** Appends about `events` events; returns the exact count written. `types` receives the count per event type. */
export async function generateAuditLog(store: SqliteEventStore, events: number, types?: Map<string, number>): Promise<number> {
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
        types?.set(e.type, (types.get(e.type) ?? 0) + 1);
        written++;
      }
      await Promise.all(appends);
    }
  }
  return written;
}
