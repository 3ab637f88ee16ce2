import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  deliver,
  fileIdentification,
  fileTechnical,
  IDENTIFICATION_RECORDS,
  prepareParties,
  TECHNICAL_RECORDS,
} from '../../../../test/support/data-use.fixtures';

describe('technical flow to its deadline: scheduler, retention report', () => {
  let t: TestApp;
  const report = (query = '', key: string = KEYS.auditor) => t.http.get(`/v1/reports/retention${query}`).set(bearer(key));

  beforeAll(async () => {
    t = await startTestApp();
    await prepareParties(t);
  });
  afterAll(async () => t.close());

  it('incident → file → deliver → read to characterise → purged on deadline by the scheduler, once', async () => {
    const technical = await fileTechnical(t);
    const { datasetId } = (await deliver(t, technical, TECHNICAL_RECORDS).expect(201)).body;
    const read = await t.http.post(`/v1/requests/${technical}/data-access`).set(bearer(KEYS.agent)).send({ purpose: 'characterize-threat' }).expect(200);
    expect(read.body).toEqual({ datasetId, records: TECHNICAL_RECORDS });
    const identification = await fileIdentification(t);
    await deliver(t, identification, IDENTIFICATION_RECORDS).expect(201);

    const before = await report().expect(200);
    expect(before.body.items).toHaveLength(2);
    expect(before.body.items.every((i: { status: string }) => i.status === 'retained')).toBe(true);

    // Two years and a day on: the identification data is due, not yet purged → overdue in the report.
    t.clock.set('2028-03-03T09:00:00.000Z');
    const overdue = await report('?status=overdue').expect(200);
    expect(overdue.body.items).toEqual([expect.objectContaining({ requestId: identification, status: 'overdue', overdue: true })]);

    // Five years on: both are due; two runs at once purge each dataset once.
    t.clock.set('2031-03-02T09:00:00.001Z');
    const scheduler = t.runtime.scheduler;
    if (!scheduler) throw new Error('the scheduler runs with the projections');
    // Driven by this test alone: no timer purges behind its back while the clock jumps years.
    expect(scheduler.ticking).toBe(false);
    const runs = await Promise.all([scheduler.runOnce(), scheduler.runOnce()]);
    const purged = runs.flatMap((r) => r.purged);
    expect(purged.map((p) => p.requestId).sort()).toEqual([identification, technical].sort());
    const again = await scheduler.runOnce();
    expect(again).toMatchObject({ purged: [], alreadyPurged: [], reconciled: [] });

    const events: { type: string; data: Record<string, unknown> }[] = [];
    for await (const e of t.runtime.store.readStream(`request-${technical}`)) events.push({ type: e.type, data: e.data });
    expect(events.map((e) => e.type)).toEqual(['RequestFiled', 'DataDelivered', 'DataAccessed', 'DataPurged']);
    expect(events[3].data).toMatchObject({ reason: 'retention-expired', by: 'retention-scheduler', datasetId });

    const after = await report('?status=purged').expect(200);
    expect(after.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          datasetId,
          requestId: technical,
          kind: 'technical-data',
          deliveredAt: '2026-03-02T09:00:00.000Z',
          retentionDeadline: '2031-03-02T09:00:00.000Z',
          status: 'purged',
          purgedAt: '2031-03-02T09:00:00.001Z',
          purgeReason: 'retention-expired',
        }),
      ]),
    );
    expect((await report('?status=retained').expect(200)).body.items).toEqual([]);
    const read410 = await t.http.post(`/v1/requests/${technical}/data-access`).set(bearer(KEYS.agent)).send({ purpose: 'characterize-threat' });
    expect(read410.status).toBe(410);
    const dueBefore = await report('?dueBefore=2029-01-01', KEYS.admin).expect(200);
    expect(dueBefore.body.items.map((i: { requestId: string }) => i.requestId)).toEqual([identification]);
  });

  it('400 on bad filters; 403 for agents and operators', async () => {
    expect((await report('?status=lost').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await report('?dueBefore=soon').expect(400)).body.code).toBe('VALIDATION_FAILED');
    await report('', KEYS.agent).expect(403);
    await report('', KEYS.operator).expect(403);
  });
});
