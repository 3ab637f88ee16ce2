import type { EventStore } from '@vigie/event-store';
import { FaultyEventStore } from '../../../../test/support/faulty-event-store';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';

type Health = { status: string; degraded?: string[]; projectionsLag: Record<string, string> };

/** /health turns `degraded`, naming the cause, once a read model lags past VIGIE_MAX_LAG_MS. */
describe('GET /health when the read models lag', () => {
  let t: TestApp;
  let faulty: FaultyEventStore;

  beforeAll(async () => {
    t = await startTestApp({
      env: { VIGIE_MAX_LAG_MS: '2000' },
      wrapEventStore: (store: EventStore) => (faulty = new FaultyEventStore(store)),
    });
  });
  afterAll(() => t?.close());

  const health = async (): Promise<Health> => (await t.http.get('/health').expect(200)).body as Health;
  const appendOne = () =>
    t.runtime.store.append(
      'operator-0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b3ff',
      [
        {
          eventId: '5a1f3b2c-0000-4000-8000-000000000001',
          type: 'OperatorRegistered',
          data: { operatorId: '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b3ff', name: 'Late Telecom', categories: ['hosting'], registeredAt: t.clock.now().toISOString() },
          metadata: { occurredAt: t.clock.now().toISOString() },
        },
      ],
      'no-stream',
    );

  it('stays ok while the lag is younger than VIGIE_MAX_LAG_MS, then says which projection is late, and recovers', async () => {
    expect(await health()).toMatchObject({ status: 'ok' });
    faulty.stallFeed();
    await appendOne();
    t.clock.advanceMs(1000);
    const young = await health();
    expect(young.status).toBe('ok');
    expect(Object.values(young.projectionsLag)).toContain('1');

    t.clock.advanceMs(1500);
    const late = await health();
    expect(late.status).toBe('degraded');
    expect(late.degraded).toEqual(expect.arrayContaining([expect.stringMatching(/^projection register is 2\.5 s behind the log \(VIGIE_MAX_LAG_MS=2000\)$/)]));

    faulty.resumeFeed();
    let tries = 0;
    while ((await health()).status !== 'ok') {
      if (++tries > 100) throw new Error('health never recovered');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await health()).degraded).toBeUndefined();
  });
});

describe('GET /health when a projection stopped on an event it cannot fold', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('says degraded and names the projection, since it never catches up by itself', async () => {
    // A request filed without its fields: the register's row needs them, so its fold fails.
    await t.runtime.store.append(
      'request-7c0e7a56-0000-4000-8000-0000000000aa',
      [{ eventId: '5a1f3b2c-0000-4000-8000-0000000000aa', type: 'RequestFiled', data: { requestId: '7c0e7a56-0000-4000-8000-0000000000aa' }, metadata: {} }],
      'no-stream',
    );
    let body: Health = { status: 'ok', projectionsLag: {} };
    for (let tries = 0; body.status === 'ok' && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      body = (await t.http.get('/health').expect(200)).body as Health;
    }
    expect(body.status).toBe('degraded');
    expect(body.degraded).toEqual(expect.arrayContaining([expect.stringMatching(/^projection register stopped: /)]));
  });
});
