import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem, fileIdentification, fileTechnical, post, setUpParties } from '../../../../test/support/workflow.fixtures';

/** Three requests filed between 09:00 and 10:00, the clock at 12:00; the list transmitted at 09:00 with agent 1 on it. */
async function threeRequests(): Promise<{ t: TestApp; technical: string }> {
  const t = await startTestApp();
  await setUpParties(t);
  await fileIdentification(t);
  await fileIdentification(t, { operatorId: IDS.operator2, fields: ['identity'] });
  t.clock.advanceMs(3600 * 1000); // 10:00
  const technical = (await fileTechnical(t)).requestId;
  t.clock.advanceMs(2 * 3600 * 1000); // 12:00
  return { t, technical };
}

describe('GET /v1/reports/oversight', () => {
  let t: TestApp;
  let technical: string;

  beforeAll(async () => {
    ({ t, technical } = await threeRequests());
  });
  afterAll(() => t.close());

  const report = (key: string, query = '') => t.http.get(`/v1/reports/oversight${query}`).set(bearer(key));

  it('counts the requests and lists the pending ARCEP notice with its wait until now', async () => {
    const res = await report(KEYS.auditor).expect(200);
    expect(res.body).toMatchObject({
      from: null,
      to: null,
      requests: {
        total: 3,
        byKind: { 'subscriber-identification': 2, 'technical-data': 1 },
        byStatus: { filed: 3, delivered: 0, declined: 0, purged: 0 },
      },
      alertsSent: { total: 0, byChannel: { email: 0, postal: 0 } },
      accessesByPurpose: { 'alert-holder': 0, 'characterize-threat': 0 },
      purgesByReason: {},
      overduePurges: 0,
      notices: {
        pending: [{ requestId: technical, openedAt: '2026-03-02T10:00:00.000Z', waitingSeconds: 2 * 3600 }],
        pendingCount: 1,
        sent: 0,
      },
      habilitationListTransmissions: [{ listVersion: 1, transmittedAt: '2026-03-02T09:00:00.000Z', agentCount: 1 }],
    });
    expect(res.body.requests.byOperator).toEqual([
      { operatorId: IDS.operator, count: 2 },
      { operatorId: IDS.operator2, count: 1 },
    ]);
  });

  it('filters by period and measures the wait against `to`', async () => {
    const res = await report(KEYS.admin, '?from=2026-03-02T09:30:00Z&to=2026-03-02T11:00:00Z').expect(200);
    expect(res.body.from).toBe('2026-03-02T09:30:00Z');
    expect(res.body.requests.total).toBe(1);
    expect(res.body.requests.byKind).toEqual({ 'subscriber-identification': 0, 'technical-data': 1 });
    expect(res.body.notices.pending).toEqual([{ requestId: technical, openedAt: '2026-03-02T10:00:00.000Z', waitingSeconds: 3600 }]);
    expect(res.body.habilitationListTransmissions).toEqual([]);
  });

  it('refuses an empty or reversed period and malformed instants with 400', async () => {
    expectProblem(await report(KEYS.auditor, '?from=2026-03-02T10:00:00Z&to=2026-03-02T10:00:00Z'), 400, 'VALIDATION_FAILED');
    expectProblem(await report(KEYS.auditor, '?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z'), 400, 'VALIDATION_FAILED');
    expectProblem(await report(KEYS.auditor, '?from=yesterday'), 400, 'VALIDATION_FAILED');
  });

  it('is for admins and auditors only', async () => {
    expectProblem(await report(KEYS.agent), 403, 'FORBIDDEN');
    expectProblem(await report(KEYS.operator), 403, 'FORBIDDEN');
    expectProblem(await t.http.get('/v1/reports/oversight'), 401, 'UNAUTHENTICATED');
  });
});

/** Recording a notice changes what the report counts: its own app, so the read-only tests above see the untouched scenario in any order. */
describe('GET /v1/reports/oversight after a notice is sent', () => {
  let t: TestApp;
  let technical: string;

  beforeEach(async () => {
    ({ t, technical } = await threeRequests());
  });
  afterEach(() => t.close());

  const report = (key: string, query = '') => t.http.get(`/v1/reports/oversight${query}`).set(bearer(key));

  it('counts a notice once it is recorded as sent', async () => {
    await post(t, `/v1/oversight/notices/${technical}`, KEYS.admin, { sentAt: '2026-03-02T11:30:00Z', reference: 'ARCEP-2026-1' }).expect(200);
    const res = await report(KEYS.auditor, '?from=2026-03-02T00:00:00Z').expect(200);
    expect(res.body.notices).toEqual({ pending: [], pendingCount: 0, sent: 1, averageWaitSeconds: 5400 });
  });
});
