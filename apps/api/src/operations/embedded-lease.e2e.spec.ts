import { KEYS, startTestApp, tempDir, type TestApp } from '../../../../test/support/test-app';
import { operatorBody, post } from '../../../../test/support/workflow.fixtures';

const OPERATOR_2 = '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b302';
const OPERATOR_3 = '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b303';

/**
 * Two API processes started on one data dir (two `npm start`): the lock on the data dir lets
 * one run the projections and the scheduler while the other stands by and answers from the
 * checkpoints the holder writes; when the holder stops, the other takes over.
 */
describe('two embedded API processes on one data dir', () => {
  const dataDir = tempDir();
  let first: TestApp;
  let second: TestApp;

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  type Health = { leaseHeld: boolean; role: string; projectionsLag: Record<string, string> };
  const health = async (t: TestApp): Promise<Health> => (await t.http.get('/health').expect(200)).body as Health;

  it('runs the projections in one of them only, and hands them over when it stops', async () => {
    first = await startTestApp({ dataDir });
    second = await startTestApp({ dataDir });
    expect(await health(first)).toMatchObject({ role: 'all', leaseHeld: true });
    expect(await health(second)).toMatchObject({ role: 'all', leaseHeld: false });
    expect(second.runtime.runner?.isRunning).toBe(false);

    // Read-your-writes on the stand-by: it waits on the holder's checkpoints.
    const created = await post(second, '/v1/operators', KEYS.admin, operatorBody(OPERATOR_2)).expect(201);
    expect(created.body).toEqual({ operatorId: OPERATOR_2 });
    expect(Object.values((await health(second)).projectionsLag).every((behind) => behind === '0')).toBe(true);

    await first.close();
    let tries = 0;
    while (!(await health(second)).leaseHeld) {
      if (++tries > 100) throw new Error('the stand-by never took the lease');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(second.runtime.runner?.isRunning).toBe(true);
    await post(second, '/v1/operators', KEYS.admin, operatorBody(OPERATOR_3)).expect(201);
    expect(Object.values((await health(second)).projectionsLag).every((behind) => behind === '0')).toBe(true);
  });
});
