import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  deliver,
  fileIdentification,
  fileTechnical,
  IDENTIFICATION_RECORDS,
  prepareParties,
  TECHNICAL_RECORDS,
} from '../../../../test/support/data-use.fixtures';

const UNKNOWN = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

describe('data-access, alerts and purge', () => {
  let t: TestApp;
  const read = (id: string, purpose: string, key: string = KEYS.agent) =>
    t.http.post(`/v1/requests/${id}/data-access`).set(bearer(key)).send({ purpose });
  const alert = (id: string, body: object) => t.http.post(`/v1/requests/${id}/alerts`).set(bearer(KEYS.agent)).send(body);
  const purge = (id: string, key: string = KEYS.agent, body: object = { reason: 'purpose-fulfilled' }) =>
    t.http.post(`/v1/requests/${id}/purge`).set(bearer(key)).send(body);
  const types = async (requestId: string): Promise<string[]> => {
    const types: string[] = [];
    for await (const e of t.runtime.store.readStream(`request-${requestId}`)) types.push(e.type);
    return types;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await prepareParties(t);
  });
  afterAll(async () => t.close());

  it('identification flow: file → deliver → read to alert → alert → purge; then 410 everywhere', async () => {
    const requestId = await fileIdentification(t);
    const { datasetId } = (await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201)).body;
    const data = await read(requestId, 'alert-holder').expect(200);
    expect(data.body).toEqual({ datasetId, records: IDENTIFICATION_RECORDS });
    const sent = await alert(requestId, { recipient: { recordIndex: 0 }, channel: 'email', message: 'Your host is in a botnet' }).expect(201);
    expect(sent.body).toEqual({ alertId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await alert(requestId, { recipient: { recordIndex: 0 }, channel: 'postal', message: 'Letter' }).expect(201);
    const view = await t.http.get(`/v1/requests/${requestId}`).set(bearer(KEYS.auditor)).expect(200);
    expect(view.body.alerts).toEqual(expect.arrayContaining([expect.objectContaining({ alertId: sent.body.alertId, channel: 'email' })]));
    const purged = await purge(requestId).expect(200);
    expect(purged.body.purgedAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await t.http.get(`/v1/requests/${requestId}`).set(bearer(KEYS.agent))).body).toMatchObject({ status: 'purged', purgedAt: purged.body.purgedAt });
    for (const res of [
      await read(requestId, 'alert-holder'),
      await alert(requestId, { recipient: { recordIndex: 0 }, channel: 'email', message: 'again' }),
      await purge(requestId),
      await purge(requestId, KEYS.admin),
    ]) {
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({ code: 'DATA_PURGED', status: 410 });
    }
    expect(await types(requestId)).toEqual(['RequestFiled', 'DataDelivered', 'DataAccessed', 'AlertSent', 'AlertSent', 'DataPurged']);
  });

  it('refuses reads and alerts to an agent who is not habilitated now: 422 AGENT_NOT_HABILITATED, nothing recorded', async () => {
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    const res = await read(requestId, 'alert-holder', KEYS.agent2);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'AGENT_NOT_HABILITATED' });
    expect(await types(requestId)).toEqual(['RequestFiled', 'DataDelivered']);
  });

  it('data-access: every read is recorded, even with the same Idempotency-Key, and the answer is never stored', async () => {
    const requestId = await fileTechnical(t);
    await deliver(t, requestId, TECHNICAL_RECORDS).expect(201);
    for (let i = 0; i < 2; i++) {
      const res = await read(requestId, 'characterize-threat').set('Idempotency-Key', 'same-read').expect(200);
      expect(res.body.records).toEqual(TECHNICAL_RECORDS);
    }
    expect((await types(requestId)).filter((x) => x === 'DataAccessed')).toHaveLength(2);
  });

  it('data-access refusals: PURPOSE_NOT_ALLOWED, NO_DATA, 404, 400, 403 for operators and admins', async () => {
    const identification = await fileIdentification(t);
    expect((await read(identification, 'alert-holder').expect(422)).body.code).toBe('NO_DATA');
    await deliver(t, identification, IDENTIFICATION_RECORDS).expect(201);
    expect((await read(identification, 'characterize-threat').expect(422)).body.code).toBe('PURPOSE_NOT_ALLOWED');
    const technical = await fileTechnical(t);
    await deliver(t, technical, TECHNICAL_RECORDS).expect(201);
    expect((await read(technical, 'alert-holder').expect(422)).body.code).toBe('PURPOSE_NOT_ALLOWED');
    expect((await read(UNKNOWN, 'alert-holder').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await read(identification, 'curiosity').expect(400)).body.code).toBe('VALIDATION_FAILED');
    await read(identification, 'alert-holder', KEYS.operator).expect(403);
    await read(identification, 'alert-holder', KEYS.admin).expect(403);
  });

  it('alert refusals: NOT_AN_IDENTIFICATION_REQUEST, NO_DATA, CHANNEL_NOT_DELIVERED, RECORD_NOT_FOUND, 404, 400', async () => {
    const body = { recipient: { recordIndex: 1 }, channel: 'email', message: 'hello' };
    const technical = await fileTechnical(t);
    await deliver(t, technical, TECHNICAL_RECORDS).expect(201);
    expect((await alert(technical, body).expect(422)).body.code).toBe('NOT_AN_IDENTIFICATION_REQUEST');
    const identification = await fileIdentification(t);
    expect((await alert(identification, body).expect(422)).body.code).toBe('NO_DATA');
    await deliver(t, identification, IDENTIFICATION_RECORDS).expect(201);
    expect((await alert(identification, body).expect(422)).body.code).toBe('CHANNEL_NOT_DELIVERED');
    expect((await alert(identification, { ...body, channel: 'postal' }).expect(422)).body.code).toBe('CHANNEL_NOT_DELIVERED');
    expect((await alert(identification, { ...body, recipient: { recordIndex: 7 } }).expect(422)).body.code).toBe('RECORD_NOT_FOUND');
    expect((await alert(UNKNOWN, body).expect(404)).body.code).toBe('NOT_FOUND');
    for (const bad of [{ ...body, channel: 'sms' }, { ...body, recipient: {} }, { ...body, message: '' }, { channel: 'email', message: 'x' }]) {
      expect((await alert(identification, bad).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
    await t.http.post(`/v1/requests/${identification}/alerts`).set(bearer(KEYS.operator)).send(body).expect(403);
  });

  it('purge refusals: NO_DATA, 404, 400, 403 for operators and auditors; admins may purge', async () => {
    const requestId = await fileIdentification(t);
    expect((await purge(requestId).expect(422)).body.code).toBe('NO_DATA');
    expect((await purge(UNKNOWN).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await purge(requestId, KEYS.agent, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await purge(requestId, KEYS.operator).expect(403);
    await purge(requestId, KEYS.auditor).expect(403);
    await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    const res = await purge(requestId, KEYS.admin, { reason: 'arcep-order' }).expect(200);
    expect(res.body).toMatchObject({ purgedAt: expect.any(String), overdue: false });
  });
});
