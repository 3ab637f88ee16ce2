import { bearer, IDS, KEYS, type TestApp } from './test-app';
import { agentBody, identificationBody, incidentBody, operatorBody, post, technicalBody } from './workflow.fixtures';

/** Operators registered (both in both roles), agent 1 habilitated and on the list sent to ARCEP: ready to file. */
export async function prepareParties(t: TestApp): Promise<void> {
  for (const operatorId of [IDS.operator, IDS.operator2]) {
    await post(t, '/v1/operators', KEYS.admin, operatorBody(operatorId)).expect(201);
  }
  await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent, { decisionRef: 'PM-2026-0042' })).expect(201);
  await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
}

/** An identification request for the addresses the delivered IDENTIFICATION_RECORDS answer about. */
export async function fileIdentification(
  t: TestApp,
  fields: readonly string[] = ['identity', 'postalAddress', 'emailAddress'],
): Promise<string> {
  const identifiers = ['192.0.2.10', '192.0.2.11'].map((value) => ({ type: 'ipv4', value, observedAt: '2026-03-01T22:00:00Z' }));
  const res = await post(t, '/v1/requests', KEYS.agent, identificationBody({ identifiers, fields })).expect(201);
  return res.body.requestId as string;
}

/** A technical-data request on a freshly notified incident. */
export async function fileTechnical(t: TestApp, dataCategories: readonly string[] = ['routing', 'traffic']): Promise<string> {
  const incident = await post(t, '/v1/incidents', KEYS.admin, incidentBody()).expect(201);
  const res = await post(t, '/v1/requests', KEYS.agent, technicalBody(incident.body.incidentId, { dataCategories })).expect(201);
  return res.body.requestId as string;
}

export const IDENTIFICATION_RECORDS = [
  { identifier: '192.0.2.10', identity: 'Jeanne Dupont', postalAddress: '1 rue de la Paix, Paris', emailAddress: 'jeanne@example.org' },
  { identifier: '192.0.2.11', identity: 'Paul Durand' },
];

export const TECHNICAL_RECORDS = [{ category: 'traffic', values: { dstIp: '198.51.100.9', bytes: 1234 } }];

export const deliver = (t: TestApp, requestId: string, records: readonly object[], key: string = KEYS.operator) =>
  t.http.post(`/v1/requests/${requestId}/delivery`).set(bearer(key)).send({ records });
