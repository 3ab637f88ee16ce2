import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  deliver,
  fileIdentification,
  fileTechnical,
  IDENTIFICATION_RECORDS,
  prepareParties,
  TECHNICAL_RECORDS,
} from '../../../../test/support/data-use.fixtures';

describe('POST /v1/requests/{id}/delivery and /decline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await prepareParties(t);
  });
  afterAll(async () => t.close());

  it('201 { datasetId, retentionDeadline }: identification kept P2Y, the view shows no data', async () => {
    const requestId = await fileIdentification(t);
    const res = await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    expect(res.body).toEqual({ datasetId: expect.stringMatching(/^[0-9a-f-]{36}$/), retentionDeadline: '2028-03-02T09:00:00.000Z' });
    const view = await t.http.get(`/v1/requests/${requestId}`).set(bearer(KEYS.agent)).expect(200);
    expect(view.body).toMatchObject({ status: 'delivered', datasetId: res.body.datasetId, recordCount: 2, retentionDeadline: res.body.retentionDeadline });
    expect(JSON.stringify(view.body)).not.toContain('Jeanne');
  });

  it('technical data are kept P5Y; the same Idempotency-Key returns the first answer', async () => {
    const requestId = await fileTechnical(t);
    const send = () => deliver(t, requestId, TECHNICAL_RECORDS).set('Idempotency-Key', 'deliver-once');
    const first = await send().expect(201);
    expect(first.body.retentionDeadline).toBe('2031-03-02T09:00:00.000Z');
    const again = await send().expect(201);
    expect(again.body).toEqual(first.body);
  });

  it('refusals: REQUEST_NOT_OPEN, FIELD_NOT_REQUESTED, CATEGORY_NOT_REQUESTED, CONTENT_EXCLUDED (422)', async () => {
    const identification = await fileIdentification(t, ['identity']);
    const field = await deliver(t, identification, [{ identifier: 'x', emailAddress: 'a@b.c' }]).expect(422);
    expect(field.body).toMatchObject({ code: 'FIELD_NOT_REQUESTED', status: 422 });
    const technical = await fileTechnical(t, ['traffic']);
    const category = await deliver(t, technical, [{ category: 'origin', values: {} }]).expect(422);
    expect(category.body.code).toBe('CATEGORY_NOT_REQUESTED');
    const content = await deliver(t, technical, [{ category: 'traffic', values: { smtp: { payload: 'hello' } } }]).expect(422);
    expect(content.body.code).toBe('CONTENT_EXCLUDED');
    await deliver(t, technical, TECHNICAL_RECORDS).expect(201);
    const closed = await deliver(t, technical, TECHNICAL_RECORDS).expect(422);
    expect(closed.body.code).toBe('REQUEST_NOT_OPEN');
  });

  it('403 FORBIDDEN for another operator, or an agent; 404 for an unknown request', async () => {
    const requestId = await fileIdentification(t);
    const other = await deliver(t, requestId, IDENTIFICATION_RECORDS, KEYS.operator2).expect(403);
    expect(other.body.code).toBe('FORBIDDEN');
    await deliver(t, requestId, IDENTIFICATION_RECORDS, KEYS.agent).expect(403);
    const unknown = await deliver(t, '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', IDENTIFICATION_RECORDS).expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });

  it('400 VALIDATION_FAILED: no records, non-object records, unknown fields, a malformed id', async () => {
    const requestId = await fileIdentification(t);
    for (const body of [{ records: [] }, { records: ['text'] }, { records: [[1]] }, {}, { records: IDENTIFICATION_RECORDS, extra: 1 }]) {
      const res = await t.http.post(`/v1/requests/${requestId}/delivery`).set(bearer(KEYS.operator)).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const tooMany = Array.from({ length: 10001 }, (_, i) => ({ identifier: String(i) }));
    await deliver(t, requestId, tooMany).expect(400);
    await deliver(t, 'not-a-uuid', IDENTIFICATION_RECORDS).expect(400);
  });

  it('decline: 200, then REQUEST_NOT_OPEN; another operator 403; unknown 404; no reason 400', async () => {
    const requestId = await fileIdentification(t);
    const decline = (key: string, id = requestId, body: object = { reason: 'no subscriber matches' }) =>
      t.http.post(`/v1/requests/${id}/decline`).set(bearer(key)).send(body);
    expect((await decline(KEYS.operator2).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await decline(KEYS.operator, requestId, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const ok = await decline(KEYS.operator).expect(200);
    expect(ok.body).toMatchObject({ requestId, status: 'declined' });
    expect((await decline(KEYS.operator).expect(422)).body.code).toBe('REQUEST_NOT_OPEN');
    expect((await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(422)).body.code).toBe('REQUEST_NOT_OPEN');
    await decline(KEYS.operator, '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6').expect(404);
    const view = await t.http.get(`/v1/requests/${requestId}`).set(bearer(KEYS.operator)).expect(200);
    expect(view.body.status).toBe('declined');
    expect(IDS.operator).toBe(view.body.operatorId);
  });
});
