import * as fs from 'node:fs';
import * as path from 'node:path';
import { sha256Hex } from '@vigie/runtime';
import { bearer, IDS, KEYS, startTestApp, TEST_PRINCIPALS, type TestApp } from '../../../../test/support/test-app';
import { agentBody, expectProblem, operatorBody, post } from '../../../../test/support/workflow.fixtures';

const NEW_ID = '7a1d9e40-3c2b-4f5a-8e6d-0c1b2a3f4e51';
type View = { principalId: string; role: string; source: string; label: string; enrolledAt?: string; revokedAt?: string };

describe('principals through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await post(t, '/v1/operators', KEYS.admin, operatorBody()).expect(201);
    await post(t, '/v1/agents', KEYS.admin, agentBody()).expect(201);
  });
  afterAll(async () => t.close());

  const canRead = async (key: string): Promise<number> => (await t.http.get('/v1/requests').set(bearer(key))).status;
  const allEvents = async () => {
    const events = [];
    for await (const e of t.runtime.store.readAll()) events.push(e);
    return events;
  };

  it('enrols a principal whose key works at once; the log holds only the sha256 of the key', async () => {
    const res = await post(t, '/v1/principals', KEYS.admin, { principalId: NEW_ID, role: 'auditor', label: 'Audit desk' }).expect(201);
    expect(res.body).toEqual({ principalId: NEW_ID, role: 'auditor', key: expect.any(String) });
    const key = res.body.key as string;
    expect(key.length).toBeGreaterThanOrEqual(43);
    expect(await canRead(key)).toBe(200);
    const events = await allEvents();
    const enrolled = events.find((e) => e.type === 'PrincipalEnrolled');
    expect(enrolled?.streamId).toBe(`principal-${NEW_ID}`);
    expect(enrolled?.data).toMatchObject({ principalId: NEW_ID, role: 'auditor', keySha256: sha256Hex(key) });
    expect(JSON.stringify(events.map((e) => [e.data, e.metadata]))).not.toContain(key);
    // Nor in any file of the data dir: the log, the read models, the idempotency records.
    for (const name of fs.readdirSync(t.dataDir)) {
      expect(fs.readFileSync(path.join(t.dataDir, name)).includes(Buffer.from(key))).toBe(false);
    }
  });

  it('enrols agent and operator principals acting as the agent and the operator they name', async () => {
    const agent = await post(t, '/v1/principals', KEYS.admin, { role: 'agent', agentId: IDS.agent, label: 'Camille' }).expect(201);
    const operator = await post(t, '/v1/principals', KEYS.admin, { role: 'operator', operatorId: IDS.operator, label: 'NOC' }).expect(201);
    expect(await canRead(agent.body.key)).toBe(200);
    expect(await canRead(operator.body.key)).toBe(200);
    // The operator key acts as its operator: it may not act as an admin.
    expectProblem(await post(t, '/v1/operators', operator.body.key, operatorBody(IDS.operator2)), 403, 'FORBIDDEN');
  });

  it('refuses what the log does not know, a taken id and a malformed body, appending nothing', async () => {
    const head = await t.runtime.store.headPosition();
    expectProblem(await post(t, '/v1/principals', KEYS.admin, { role: 'agent', agentId: IDS.agent2, label: 'x' }), 422, 'AGENT_NOT_FOUND');
    expectProblem(await post(t, '/v1/principals', KEYS.admin, { role: 'operator', operatorId: IDS.operator2, label: 'x' }), 422, 'OPERATOR_NOT_FOUND');
    expectProblem(await post(t, '/v1/principals', KEYS.admin, { principalId: NEW_ID, role: 'admin', label: 'x' }), 409, 'PRINCIPAL_EXISTS');
    expectProblem(await post(t, '/v1/principals', KEYS.admin, { role: 'agent', label: 'no agent id' }), 400, 'VALIDATION_FAILED');
    expectProblem(await post(t, '/v1/principals', KEYS.admin, { role: 'root', label: 'x' }), 400, 'VALIDATION_FAILED');
    expectProblem(await post(t, '/v1/principals', KEYS.admin, { role: 'auditor', label: 'x', keySha256: 'a'.repeat(64) }), 400, 'VALIDATION_FAILED');
    expect(await t.runtime.store.headPosition()).toBe(head);
  });

  it('lets only admins manage principals', async () => {
    for (const key of [KEYS.agent, KEYS.operator, KEYS.auditor]) {
      expectProblem(await post(t, '/v1/principals', key, { role: 'auditor', label: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await t.http.get('/v1/principals').set(bearer(key)), 403, 'FORBIDDEN');
      expectProblem(await post(t, `/v1/principals/${NEW_ID}/revocation`, key, { reason: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await post(t, `/v1/principals/${NEW_ID}/key-rotation`, key, {}), 403, 'FORBIDDEN');
    }
  });

  it('lists the file principals and the enrolled ones, never a key nor a hash', async () => {
    const res = await t.http.get('/v1/principals?limit=1000').set(bearer(KEYS.admin)).expect(200);
    const items = res.body.items as View[];
    expect(res.body.next).toBeNull();
    for (const p of TEST_PRINCIPALS) expect(items).toContainEqual(expect.objectContaining({ principalId: p.id, role: p.role, source: 'file' }));
    expect(items).toContainEqual(expect.objectContaining({ principalId: NEW_ID, role: 'auditor', label: 'Audit desk', source: 'api', enrolledAt: '2026-03-02T09:00:00.000Z' }));
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/key/i);
    for (const p of TEST_PRINCIPALS) expect(text).not.toContain(sha256Hex(p.key));
    const auditors = (await t.http.get('/v1/principals?role=auditor').set(bearer(KEYS.admin)).expect(200)).body.items as View[];
    expect(auditors.map((p) => p.principalId).sort()).toEqual([NEW_ID, 'p-auditor'].sort());
  });

  it('rotates a key: the old one answers 401, the new one works', async () => {
    const { body } = await post(t, '/v1/principals', KEYS.admin, { role: 'auditor', label: 'to rotate' }).expect(201);
    const rotated = await post(t, `/v1/principals/${body.principalId}/key-rotation`, KEYS.admin, {}).expect(200);
    expect(Object.keys(rotated.body)).toEqual(['key']);
    expect(await canRead(body.key)).toBe(401);
    expect(await canRead(rotated.body.key)).toBe(200);
    expectProblem(await post(t, `/v1/principals/${body.principalId}/key-rotation`, KEYS.admin, { key: 'mine' }), 400, 'VALIDATION_FAILED');
  });

  it('revokes a principal: its key answers 401, and it stays revoked', async () => {
    const { body } = await post(t, '/v1/principals', KEYS.admin, { role: 'admin', label: 'to revoke' }).expect(201);
    await post(t, `/v1/principals/${body.principalId}/revocation`, KEYS.admin, { reason: 'left the team' }).expect(200);
    expect(await canRead(body.key)).toBe(401);
    const head = await t.runtime.store.headPosition();
    expectProblem(await post(t, `/v1/principals/${body.principalId}/revocation`, KEYS.admin, { reason: 'again' }), 422, 'PRINCIPAL_REVOKED');
    expectProblem(await post(t, `/v1/principals/${body.principalId}/key-rotation`, KEYS.admin, {}), 422, 'PRINCIPAL_REVOKED');
    expect(await t.runtime.store.headPosition()).toBe(head);
    const items = (await t.http.get('/v1/principals?role=admin').set(bearer(KEYS.admin)).expect(200)).body.items as View[];
    expect(items.find((p) => p.principalId === body.principalId)?.revokedAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('leaves the file principals to the file: PRINCIPAL_FROM_FILE; an unknown one is 404', async () => {
    const head = await t.runtime.store.headPosition();
    expectProblem(await post(t, '/v1/principals/p-agent/revocation', KEYS.admin, { reason: 'x' }), 422, 'PRINCIPAL_FROM_FILE');
    expectProblem(await post(t, '/v1/principals/p-agent/key-rotation', KEYS.admin, {}), 422, 'PRINCIPAL_FROM_FILE');
    expectProblem(await post(t, '/v1/principals/p-nobody/revocation', KEYS.admin, { reason: 'x' }), 404, 'NOT_FOUND');
    expectProblem(await post(t, '/v1/principals/p-nobody/key-rotation', KEYS.admin, {}), 404, 'NOT_FOUND');
    expectProblem(await post(t, '/v1/principals/bad%20id/revocation', KEYS.admin, { reason: 'x' }), 400, 'VALIDATION_FAILED');
    expect(await t.runtime.store.headPosition()).toBe(head);
    expect(await canRead(KEYS.agent)).toBe(200);
  });
});

describe('the last active admin', () => {
  it('cannot be revoked, counting the admins of the file', async () => {
    const first = await startTestApp();
    const a = (await post(first, '/v1/principals', KEYS.admin, { role: 'admin', label: 'A' }).expect(201)).body;
    await first.close({ keepDataDir: true });
    // Restarted with a file that holds no admin: the enrolled admins are the only ones left.
    const auditorOnly = new Map([[sha256Hex(KEYS.auditor), { id: 'p-auditor', role: 'auditor' as const }]]);
    const t = await startTestApp({ dataDir: first.dataDir, principals: auditorOnly });
    try {
      expectProblem(await post(t, `/v1/principals/${a.principalId}/revocation`, a.key, { reason: 'x' }), 422, 'LAST_ADMIN');
      const b = (await post(t, '/v1/principals', a.key, { role: 'admin', label: 'B' }).expect(201)).body;
      await post(t, `/v1/principals/${a.principalId}/revocation`, b.key, { reason: 'handed over' }).expect(200);
      expect((await t.http.get('/v1/principals').set(bearer(a.key))).status).toBe(401);
      expectProblem(await post(t, `/v1/principals/${b.principalId}/revocation`, b.key, { reason: 'x' }), 422, 'LAST_ADMIN');
      expect((await t.http.get('/v1/principals').set(bearer(b.key))).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
