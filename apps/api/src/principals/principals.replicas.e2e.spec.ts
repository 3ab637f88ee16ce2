import { setTimeout as sleep } from 'node:timers/promises';
import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { post } from '../../../../test/support/workflow.fixtures';

/** One second of polling, as a number of tries: the replica must catch up within it. */
const TRIES = 20;
const PAUSE_MS = 50;

/**
 * Two API processes on one data dir (one events.db), the second without projections:
 * what the first enrols, rotates or revokes holds on the second within a second, without
 * a restart, because each follows the log.
 */
describe('principals across two replicas', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ dataDir: a.dataDir, runProjections: false });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const statusOnB = async (key: string): Promise<number> => (await b.http.get('/v1/principals').set(bearer(key))).status;

  /** The tries it took for `key` to answer `status` on B; fails after TRIES. */
  const untilOnB = async (key: string, status: number): Promise<number> => {
    for (let i = 1; i <= TRIES; i++) {
      if ((await statusOnB(key)) === status) return i;
      await sleep(PAUSE_MS);
    }
    throw new Error(`the key did not answer ${status} on the other replica within ${TRIES} tries`);
  };

  it('a new key works on the other replica, a rotated one stops, a revoked one answers 401', async () => {
    const { body } = await post(a, '/v1/principals', KEYS.admin, { role: 'admin', label: 'ops' }).expect(201);
    await untilOnB(body.key, 200);

    const rotated = await post(a, `/v1/principals/${body.principalId}/key-rotation`, KEYS.admin, {}).expect(200);
    await untilOnB(body.key, 401);
    await untilOnB(rotated.body.key, 200);

    await post(a, `/v1/principals/${body.principalId}/revocation`, KEYS.admin, { reason: 'left' }).expect(200);
    await untilOnB(rotated.body.key, 401);
  });

  it('what the second replica does holds on the first', async () => {
    const { body } = await post(b, '/v1/principals', KEYS.admin, { role: 'auditor', label: 'from B' }).expect(201);
    for (let i = 1; ; i++) {
      if ((await a.http.get('/v1/requests').set(bearer(body.key))).status === 200) break;
      if (i >= TRIES) throw new Error('the key enrolled on B never worked on A');
      await sleep(PAUSE_MS);
    }
  });
});
