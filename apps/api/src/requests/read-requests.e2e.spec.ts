import * as fs from 'node:fs';
import * as path from 'node:path';
import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, fileIdentification, fileTechnical, post, setUpParties } from '../../../../test/support/workflow.fixtures';

describe('the request register: GET /v1/requests and /v1/requests/{id}', () => {
  let t: TestApp;
  let identificationId: string;
  let technicalId: string;
  let otherOperatorsId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpParties(t);
    identificationId = await fileIdentification(t);
    t.clock.advanceMs(60_000);
    technicalId = (await fileTechnical(t)).requestId;
    t.clock.advanceMs(60_000);
    otherOperatorsId = await fileIdentification(t, { operatorId: IDS.operator2, addresseeRole: 'hosting' });
  });
  afterAll(async () => t.close());

  it('shows a request as soon as the command is accepted, without delivered data', async () => {
    const res = await t.http.get(`/v1/requests/${identificationId}`).set(bearer(KEYS.agent)).expect(200);
    expect(res.body).toEqual({
      requestId: identificationId,
      kind: 'subscriber-identification',
      status: 'filed',
      operatorId: IDS.operator,
      agentId: IDS.agent,
      decisionRef: 'PM-2026-5e01',
      filedAt: '2026-03-02T09:00:00.000Z',
      alerts: [],
      revision: 0,
    });
  });

  it('lists the register newest first, filtered by status, kind and operator', async () => {
    const all = await t.http.get('/v1/requests').set(bearer(KEYS.admin)).expect(200);
    expect(all.body.items.map((r: { requestId: string }) => r.requestId)).toEqual([otherOperatorsId, technicalId, identificationId]);
    const technical = await t.http.get('/v1/requests?kind=technical-data').set(bearer(KEYS.auditor)).expect(200);
    expect(technical.body.items.map((r: { requestId: string }) => r.requestId)).toEqual([technicalId]);
    const byOperator = await t.http.get(`/v1/requests?operatorId=${IDS.operator2}&status=filed`).set(bearer(KEYS.agent)).expect(200);
    expect(byOperator.body.items.map((r: { requestId: string }) => r.requestId)).toEqual([otherOperatorsId]);
    const none = await t.http.get('/v1/requests?status=purged').set(bearer(KEYS.agent)).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('shows an operator only the requests addressed to it', async () => {
    const mine = await t.http.get('/v1/requests').set(bearer(KEYS.operator2)).expect(200);
    expect(mine.body.items.map((r: { requestId: string }) => r.requestId)).toEqual([otherOperatorsId]);
    const sneaky = await t.http.get(`/v1/requests?operatorId=${IDS.operator}`).set(bearer(KEYS.operator2)).expect(200);
    expect(sneaky.body.items).toEqual([]);
    await t.http.get(`/v1/requests/${otherOperatorsId}`).set(bearer(KEYS.operator2)).expect(200);
    expectProblem(await t.http.get(`/v1/requests/${identificationId}`).set(bearer(KEYS.operator2)), 404, 'NOT_FOUND');
  });

  it('answers 404 for an unknown id and 400 for malformed ids and filters', async () => {
    expectProblem(await t.http.get('/v1/requests/11111111-2222-4333-8444-555555555555').set(bearer(KEYS.admin)), 404, 'NOT_FOUND');
    expectProblem(await t.http.get('/v1/requests/abc').set(bearer(KEYS.admin)), 400, 'VALIDATION_FAILED');
    expectProblem(await t.http.get('/v1/requests?status=lost').set(bearer(KEYS.admin)), 400, 'VALIDATION_FAILED');
    expectProblem(await t.http.get('/v1/requests?colour=red').set(bearer(KEYS.admin)), 400, 'VALIDATION_FAILED');
  });

});

describe('the request register after a restart', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('is rebuilt from the log alone: a fresh read store on the same log answers the same', async () => {
    const first = await startTestApp();
    apps.push(first);
    await setUpParties(first);
    await fileIdentification(first);
    await fileTechnical(first);
    const before = await first.http.get('/v1/requests').set(bearer(KEYS.admin)).expect(200);
    expect(before.body.items).toHaveLength(2);
    await first.close({ keepDataDir: true });
    // Nothing of the read side survives: only the log (and the vault, the keys) stay.
    for (const file of fs.readdirSync(first.dataDir).filter((f) => f.startsWith('read.db'))) fs.rmSync(path.join(first.dataDir, file));
    const again = await startTestApp({ dataDir: first.dataDir, clock: first.clock });
    apps.push(again);
    await again.runtime.settle(await again.runtime.store.headPosition());
    const after = await again.http.get('/v1/requests').set(bearer(KEYS.admin)).expect(200);
    expect(after.body).toEqual(before.body);
  });
});
