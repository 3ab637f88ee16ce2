import { FaultyEventStore } from '../../../../test/support/faulty-event-store';
import { bearer, IDS, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { deliver, fileIdentification, IDENTIFICATION_RECORDS, prepareParties } from '../../../../test/support/data-use.fixtures';
import { agentBody, expectProblem, post } from '../../../../test/support/workflow.fixtures';

/** The event store failing the way a cluster does: nothing committed may be lost, nothing stale decided. */
describe('ambiguous outcomes and lagging read models, end to end', () => {
  let t: TestApp;
  let faulty: FaultyEventStore;
  beforeEach(async () => {
    t = await startTestApp({
      wrapEventStore: (store) => {
        faulty = new FaultyEventStore(store);
        return faulty;
      },
    });
    await prepareParties(t);
  });
  afterEach(async () => t.close());

  it('a timeout after the commit loses nothing: 503, then the same Idempotency-Key answers 201 with the committed dataset, readable', async () => {
    const requestId = await fileIdentification(t);
    faulty.loseNextAck(`request-${requestId}`);
    const send = () => deliver(t, requestId, IDENTIFICATION_RECORDS).set('Idempotency-Key', 'deliver-after-timeout');
    expectProblem(await send(), 503, 'UNAVAILABLE');

    // Retried a minute later: a second decision would carry another retention deadline.
    t.clock.set('2026-03-02T09:01:00.000Z');
    const retry = await send().expect(201);
    expect(retry.body).toEqual({ datasetId: expect.stringMatching(/^[0-9a-f-]{36}$/), retentionDeadline: '2028-03-02T09:00:00.000Z' });
    const deliveries = [];
    for await (const e of t.runtime.store.readStream(`request-${requestId}`)) if (e.type === 'DataDelivered') deliveries.push(e);
    expect(deliveries.map((e) => e.data['datasetId'])).toEqual([retry.body.datasetId]);

    const read = await t.http.post(`/v1/requests/${requestId}/data-access`).set(bearer(KEYS.agent)).send({ purpose: 'alert-holder' }).expect(200);
    expect(read.body).toEqual({ datasetId: retry.body.datasetId, records: IDENTIFICATION_RECORDS });
  });

  it('a stalled projection never shortens the habilitation list sent to ARCEP', async () => {
    faulty.stallFeed();
    await post(t, '/v1/agents', KEYS.admin, agentBody(IDS.agent2)).expect(201);
    const list = await post(t, '/v1/habilitation-lists', KEYS.admin, {}).expect(201);
    expect(list.body.agentIds).toEqual([IDS.agent, IDS.agent2].sort());
    faulty.resumeFeed();
  }, 60_000);
});
