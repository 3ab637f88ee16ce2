import { bearer, IDS, KEYS, type TestApp } from './test-app';

/** Operators registered, the agent habilitated and on the list sent to ARCEP: ready to file. */
export async function prepareParties(t: TestApp): Promise<void> {
  for (const operatorId of [IDS.operator, IDS.operator2]) {
    await t.http
      .post('/v1/operators')
      .set(bearer(KEYS.admin))
      .send({ operatorId, name: `Operator ${operatorId.slice(-2)}`, categories: ['electronic-communications', 'hosting'] })
      .expect(201);
  }
  await t.http
    .post('/v1/agents')
    .set(bearer(KEYS.admin))
    .send({ agentId: IDS.agent, fullName: 'Camille Martin', decisionRef: 'PM-2026-0042', habilitatedOn: '2026-01-15' })
    .expect(201);
  await t.http.post('/v1/habilitation-lists').set(bearer(KEYS.admin)).send({}).expect(201);
}

export async function fileIdentification(
  t: TestApp,
  fields: readonly string[] = ['identity', 'postalAddress', 'emailAddress'],
): Promise<string> {
  const res = await t.http
    .post('/v1/requests')
    .set(bearer(KEYS.agent))
    .send({
      kind: 'subscriber-identification',
      operatorId: IDS.operator,
      systemStatus: 'attacked',
      identifiers: [{ type: 'ipv4', value: '192.0.2.10', observedAt: '2026-03-01T22:00:00Z' }],
      fields,
      justification: 'IP seen in a botnet',
    })
    .expect(201);
  return res.body.requestId as string;
}

export async function fileTechnical(t: TestApp, dataCategories: readonly string[] = ['routing', 'traffic']): Promise<string> {
  const incident = await t.http
    .post('/v1/incidents')
    .set(bearer(KEYS.admin))
    .send({
      reportedBy: IDS.operator,
      affectedEntity: { name: 'Hôpital Nord', category: 'essential-service-operator' },
      summary: 'C2 beaconing',
      observedAt: '2026-03-01T00:00:00Z',
    })
    .expect(201);
  const res = await t.http
    .post('/v1/requests')
    .set(bearer(KEYS.agent))
    .send({
      kind: 'technical-data',
      operatorId: IDS.operator,
      incidentId: incident.body.incidentId,
      dataCategories,
      dataDescription: 'flows to the C2 server',
      period: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
      justification: 'analyse the incident',
    })
    .expect(201);
  return res.body.requestId as string;
}

export const IDENTIFICATION_RECORDS = [
  { identifier: '192.0.2.10', identity: { name: 'Jeanne Dupont' }, postalAddress: '1 rue de la Paix, Paris', emailAddress: 'jeanne@example.org' },
  { identifier: '192.0.2.11', identity: { name: 'Paul Durand' } },
];

export const TECHNICAL_RECORDS = [{ category: 'traffic', values: { dstIp: '198.51.100.9', bytes: 1234 } }];

export const deliver = (t: TestApp, requestId: string, records: readonly object[], key: string = KEYS.operator) =>
  t.http.post(`/v1/requests/${requestId}/delivery`).set(bearer(key)).send({ records });
