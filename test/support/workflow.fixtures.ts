import { bearer, IDS, KEYS, type TestApp } from './test-app';

/** Builders of valid bodies and set-up steps through the real HTTP API. */
export const operatorBody = (operatorId: string = IDS.operator, categories: string[] = ['electronic-communications', 'hosting']) => ({
  operatorId,
  name: `Operator ${operatorId.slice(-4)}`,
  categories,
});

export const agentBody = (agentId: string = IDS.agent, extra: Record<string, unknown> = {}) => ({
  agentId,
  fullName: 'Camille Martin',
  decisionRef: `PM-2026-${agentId.slice(-4)}`,
  habilitatedOn: '2026-01-15',
  ...extra,
});

export const identificationBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'subscriber-identification',
  operatorId: IDS.operator,
  systemStatus: 'attacked',
  identifiers: [{ type: 'ipv4', value: '203.0.113.7', port: 443, observedAt: '2026-03-01T22:10:00Z' }],
  fields: ['identity', 'emailAddress'],
  justification: 'Botnet command server observed on this address',
  ...extra,
});

export const incidentBody = (extra: Record<string, unknown> = {}) => ({
  reportedBy: IDS.operator,
  affectedEntity: { name: 'Hôpital de Test', category: 'essential-service-operator' },
  summary: 'Ransomware detected on the hospital network',
  observedAt: '2026-03-01T08:00:00Z',
  ...extra,
});

export const technicalBody = (incidentId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'technical-data',
  operatorId: IDS.operator,
  incidentId,
  dataCategories: ['traffic', 'routing'],
  dataDescription: 'Flows between the hospital network and 198.51.100.0/24',
  period: { from: '2026-02-27T00:00:00Z', to: '2026-03-01T12:00:00Z' },
  justification: 'Characterise the command-and-control traffic of the ransomware',
  ...extra,
});

export const post = (t: TestApp, path: string, key: string, body: unknown) =>
  t.http.post(path).set(bearer(key)).set('content-type', 'application/json').send(body as object);

/** Operators 1 and 2 registered, agents 1 and 2 habilitated, agent 1 only on the list sent to ARCEP. */
export async function setUpParties(t: TestApp): Promise<void> {
  await post(t, '/v1/operators', KEYS.admin, operatorBody()).expect(201);
  await post(t, '/v1/operators', KEYS.admin, operatorBody(IDS.operator2, ['hosting'])).expect(201);
  await post(t, '/v1/agents', KEYS.admin, agentBody()).expect(201);
  await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
  await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent2)).expect(201);
}

export async function fileIdentification(t: TestApp, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post(t, '/v1/requests', KEYS.agent, identificationBody(extra)).expect(201);
  return res.body.requestId as string;
}

export async function fileTechnical(t: TestApp, extra: Record<string, unknown> = {}): Promise<{ requestId: string; incidentId: string }> {
  const incident = await post(t, '/v1/incidents', KEYS.admin, incidentBody()).expect(201);
  const res = await post(t, '/v1/requests', KEYS.agent, technicalBody(incident.body.incidentId, extra)).expect(201);
  return { requestId: res.body.requestId as string, incidentId: incident.body.incidentId as string };
}

export const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code: string): void => {
  if (res.status !== status || res.body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${res.headers['content-type']}`);
  }
};
