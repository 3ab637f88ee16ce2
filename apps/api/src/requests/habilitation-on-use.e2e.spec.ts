import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { deliver, fileIdentification, fileTechnical, IDENTIFICATION_RECORDS, prepareParties, TECHNICAL_RECORDS } from '../../../../test/support/data-use.fixtures';
import { agentBody, expectProblem, post } from '../../../../test/support/workflow.fixtures';

/** Defects 2 and 9: purge and reads skipped the habilitation rule; the refusal never said why. */
describe('every agent use of delivered data follows the habilitation rule', () => {
  let t: TestApp;
  const use = {
    read: (id: string, key: string, purpose = 'alert-holder') => post(t, `/v1/requests/${id}/data-access`, key, { purpose }),
    alert: (id: string, key: string) => post(t, `/v1/requests/${id}/alerts`, key, { recipient: { recordIndex: 0 }, channel: 'email', message: 'Alert' }),
    purge: (id: string, key: string) => post(t, `/v1/requests/${id}/purge`, key, { reason: 'purpose-fulfilled' }),
  };
  const refusedWith = async (res: Awaited<ReturnType<typeof use.read>>, detail: RegExp, before: bigint): Promise<void> => {
    expectProblem(res, 422, 'AGENT_NOT_HABILITATED');
    expect(res.body.detail).toMatch(detail);
    expect(await t.runtime.store.headPosition()).toBe(before);
  };

  beforeAll(async () => {
    t = await startTestApp();
    await prepareParties(t);
  });
  afterAll(async () => t.close());

  it('an agent never habilitated may not purge: 422 saying so, the data stays readable', async () => {
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    const before = await t.runtime.store.headPosition();
    await refusedWith(await use.purge(requestId, KEYS.agent2), /not habilitated/, before);
    await refusedWith(await use.read(requestId, KEYS.agent2), /not habilitated/, before);
    await use.read(requestId, KEYS.agent).expect(200);
  });

  it('an agent habilitated but absent from the latest list may neither read, alert nor purge', async () => {
    const identification = await fileIdentification(t);
    await deliver(t, identification, IDENTIFICATION_RECORDS).expect(201);
    const technical = await fileTechnical(t);
    await deliver(t, technical, TECHNICAL_RECORDS).expect(201);
    await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent2)).expect(201);
    const before = await t.runtime.store.headPosition();
    await refusedWith(await use.read(identification, KEYS.agent2), /not on the latest list transmitted to ARCEP/, before);
    await refusedWith(await use.read(technical, KEYS.agent2, 'characterize-threat'), /not on the latest list/, before);
    await refusedWith(await use.alert(identification, KEYS.agent2), /not on the latest list/, before);
    await refusedWith(await use.purge(technical, KEYS.agent2), /not on the latest list/, before);
    // Once on a new list, the same agent may.
    await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
    await use.read(technical, KEYS.agent2, 'characterize-threat').expect(200);
  });

  it('a revoked agent is told the habilitation was revoked; an admin still purges', async () => {
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    await post(t, `/v1/agents/${IDS.agent}/revocation`, KEYS.admin, { reason: 'Left the post' }).expect(200);
    const before = await t.runtime.store.headPosition();
    await refusedWith(await use.read(requestId, KEYS.agent), /revoked/, before);
    await refusedWith(await use.purge(requestId, KEYS.agent), /revoked/, before);
    await refusedWith(await use.alert(requestId, KEYS.agent), /revoked/, before);
    await use.purge(requestId, KEYS.admin).expect(200);
    expect((await t.http.get(`/v1/requests/${requestId}`).set(bearer(KEYS.auditor))).body.status).toBe('purged');
  });
});
