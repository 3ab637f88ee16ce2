import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/postgres';
import { KEYS, startTestApp, tempDir } from '../../../../test/support/test-app';
import { operatorBody, post } from '../../../../test/support/workflow.fixtures';

const OTHER_OPERATOR = '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b3aa';

/** Two logs, each with a first event of its own, and the read models of the first. */
async function twoLogs(): Promise<{ first: string; second: string }> {
  const [first, second] = [tempDir(), tempDir()];
  const a = await startTestApp({ dataDir: first });
  await post(a, '/v1/operators', KEYS.admin, operatorBody()).expect(201);
  await a.close();
  const b = await startTestApp({ dataDir: second });
  await post(b, '/v1/operators', KEYS.admin, operatorBody(OTHER_OPERATOR)).expect(201);
  await b.close();
  return { first, second };
}

describe('read models pointed at another event log', () => {
  it('refuses to start on a read.db built from another log, naming VIGIE_DATA_DIR, and rebuilds once it is removed', async () => {
    const { first, second } = await twoLogs();
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(path.join(second, `read.db${suffix}`), { force: true });
      if (fs.existsSync(path.join(first, `read.db${suffix}`))) fs.copyFileSync(path.join(first, `read.db${suffix}`), path.join(second, `read.db${suffix}`));
    }
    await expect(startTestApp({ dataDir: second })).rejects.toThrow(/^VIGIE_DATA_DIR: the read models in .* were built from another event log/);

    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(second, `read.db${suffix}`), { force: true });
    const rebuilt = await startTestApp({ dataDir: second });
    try {
      await rebuilt.runtime.settle(await rebuilt.runtime.store.headPosition());
      expect((await rebuilt.runtime.projectionsLag()).register).toBe(0n);
    } finally {
      await rebuilt.close();
    }
  });

  describe('in PostgreSQL', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database?.drop());

    it('refuses to start on read models built from another log, naming VIGIE_DATABASE_URL', async () => {
      const dataDir = tempDir();
      const a = await startTestApp({ dataDir, env: { VIGIE_DATABASE_URL: database.url } });
      await post(a, '/v1/operators', KEYS.admin, operatorBody()).expect(201);
      await a.close();
      await expect(startTestApp({ dataDir: tempDir(), env: { VIGIE_DATABASE_URL: database.url } })).rejects.toThrow(
        /^VIGIE_DATABASE_URL: the read models in the shared database were built from another event log/,
      );
      const again = await startTestApp({ dataDir, env: { VIGIE_DATABASE_URL: database.url } });
      await again.close();
    });
  });
});
