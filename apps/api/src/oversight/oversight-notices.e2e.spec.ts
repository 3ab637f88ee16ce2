import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, fileIdentification, fileTechnical, post, setUpParties } from '../../../../test/support/workflow.fixtures';

describe('ARCEP oversight notices', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpParties(t);
  });
  afterEach(async () => t.close());

  it('opens a notice when a technical-data request is filed, and shows how long it waits', async () => {
    const { requestId, incidentId } = await fileTechnical(t);
    await fileIdentification(t);
    t.clock.advanceMs(90 * 60 * 1000);
    const res = await t.http.get('/v1/oversight/notices?status=pending').set(bearer(KEYS.auditor)).expect(200);
    expect(res.body.items).toEqual([
      {
        requestId,
        incidentId,
        dataCategories: ['traffic', 'routing'],
        openedAt: '2026-03-02T09:00:00.000Z',
        status: 'pending',
        waitingSeconds: 5400,
      },
    ]);
  });

  it('records the transmission once: then the notice is sent, and a second record is refused', async () => {
    const { requestId } = await fileTechnical(t);
    const sent = { sentAt: '2026-03-02T09:30:00Z', reference: 'ARCEP-2026-17' };
    t.clock.advanceMs(31 * 60 * 1000);
    const res = await post(t, `/v1/oversight/notices/${requestId}`, KEYS.admin, sent).expect(200);
    expect(res.body).toEqual({ requestId, ...sent });
    const list = await t.http.get('/v1/oversight/notices?status=sent').set(bearer(KEYS.admin)).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ requestId, sentAt: sent.sentAt, reference: sent.reference, status: 'sent', waitingSeconds: 1800 })]);
    expect((await t.http.get('/v1/oversight/notices?status=pending').set(bearer(KEYS.admin)).expect(200)).body.items).toEqual([]);
    expectProblem(await post(t, `/v1/oversight/notices/${requestId}`, KEYS.admin, sent), 422, 'NOTICE_ALREADY_SENT');
  });

  // Defect 7: a sentAt before the opening, or in 2099, was accepted and the report showed a negative wait.
  it('refuses a sending time before the notice was opened or more than 5 minutes ahead: 422 NOTICE_TIME_INVALID, nothing appended', async () => {
    const { requestId } = await fileTechnical(t);
    const before = await t.runtime.store.headPosition();
    for (const sentAt of ['2026-03-02T08:46:00Z', '2026-03-02T09:05:00.001Z', '2099-01-01T00:00:00Z']) {
      expectProblem(await post(t, `/v1/oversight/notices/${requestId}`, KEYS.admin, { sentAt, reference: 'R' }), 422, 'NOTICE_TIME_INVALID');
    }
    expect(await t.runtime.store.headPosition()).toBe(before);
    await post(t, `/v1/oversight/notices/${requestId}`, KEYS.admin, { sentAt: '2026-03-02T09:05:00Z', reference: 'R' }).expect(200);
    const report = await t.http.get('/v1/reports/oversight').set(bearer(KEYS.auditor)).expect(200);
    expect(report.body.notices).toMatchObject({ sent: 1, averageWaitSeconds: 300 });
  });

  it('never reports a negative wait, even for a notice recorded before the time rule', async () => {
    const { requestId, incidentId } = await fileTechnical(t);
    const data = { requestId, incidentId, dataCategories: ['traffic', 'routing'], sentAt: '2026-03-02T08:45:44.000Z', reference: 'OLD', recordedAt: '2026-03-02T09:00:00.000Z' };
    const { position } = await t.runtime.store.append(`request-${requestId}`, [{ eventId: '3b1f2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', type: 'OversightNotified', data, metadata: {} }], 'any');
    await t.runtime.settle(position);
    const report = await t.http.get('/v1/reports/oversight').set(bearer(KEYS.auditor)).expect(200);
    expect(report.body.notices).toMatchObject({ sent: 1, averageWaitSeconds: 0 });
    const list = await t.http.get('/v1/oversight/notices?status=sent').set(bearer(KEYS.auditor)).expect(200);
    expect(list.body.items[0].waitingSeconds).toBe(0);
  });

  it('has no notice for an identification request or an unknown one', async () => {
    const requestId = await fileIdentification(t);
    const body = { sentAt: '2026-03-02T09:30:00Z', reference: 'R' };
    expectProblem(await post(t, `/v1/oversight/notices/${requestId}`, KEYS.admin, body), 404, 'NOT_FOUND');
    expectProblem(await post(t, '/v1/oversight/notices/11111111-2222-4333-8444-555555555555', KEYS.admin, body), 404, 'NOT_FOUND');
  });

  it('validates its input and roles', async () => {
    const { requestId } = await fileTechnical(t);
    expectProblem(await post(t, `/v1/oversight/notices/${requestId}`, KEYS.admin, { sentAt: 'soon', reference: 'R' }), 400, 'VALIDATION_FAILED');
    expectProblem(await post(t, `/v1/oversight/notices/${requestId}`, KEYS.auditor, { sentAt: '2026-03-02T09:30:00Z', reference: 'R' }), 403, 'FORBIDDEN');
    expectProblem(await t.http.get('/v1/oversight/notices').set(bearer(KEYS.agent)), 403, 'FORBIDDEN');
    expectProblem(await t.http.get('/v1/oversight/notices?status=maybe').set(bearer(KEYS.admin)), 400, 'VALIDATION_FAILED');
  });
});
