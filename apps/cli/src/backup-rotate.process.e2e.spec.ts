import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deliver, fileIdentification, IDENTIFICATION_RECORDS, prepareParties } from '../../../test/support/data-use.fixtures';
import { ROOT } from '../../../test/support/spawn-ts';
import { bearer, KEYS, startTestApp, tempDir, type TestApp } from '../../../test/support/test-app';

const OLD_KEY = 'ab'.repeat(32);
const NEW_KEY = 'cd'.repeat(32);

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real `vigie` process, as `npm run -s cli` starts it. */
const vigie = (env: Record<string, string>, ...argv: string[]): Promise<Outcome> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...argv],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

const readData = (t: TestApp, requestId: string) =>
  t.http.post(`/v1/requests/${requestId}/data-access`).set(bearer(KEYS.agent)).send({ purpose: 'alert-holder' });

const reports = async (t: TestApp): Promise<unknown[]> =>
  Promise.all(
    ['retention', 'oversight', 'compensation'].map(async (name) => (await t.http.get(`/v1/reports/${name}`).set(bearer(KEYS.auditor)).expect(200)).body as unknown),
  );

describe('vigie backup (spawned process, API running) and restore', () => {
  it('copies the databases consistently while the API writes; the copy starts, verifies, and gives the same reports and data', async () => {
    const t = await startTestApp();
    await prepareParties(t);
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    const before = await reports(t);
    const out = path.join(tempDir(), 'backup-1');
    const backup = await vigie({ VIGIE_DATA_DIR: t.dataDir, VIGIE_MASTER_KEY: OLD_KEY }, 'backup', '--out', out, '--json');
    // The API keeps writing: the copy is a snapshot, the original goes on.
    await fileIdentification(t);
    await t.close();
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(backup.stdout) as { files: { file: string }[]; elsewhere: string[] };
    expect(manifest.files.map((f) => f.file)).toEqual(['read.db', 'idempotency.db', 'events.db', 'vault.db']);
    expect(manifest.elsewhere).toEqual([expect.stringMatching(/VIGIE_MASTER_KEY/)]);
    expect(fs.statSync(out).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(out, 'vault.db')).mode & 0o777).toBe(0o600);

    // Restore as docs/operations.md says: the files into an empty data dir, then start.
    const restored = path.join(tempDir(), 'restored');
    fs.mkdirSync(restored);
    for (const { file } of manifest.files) fs.copyFileSync(path.join(out, file), path.join(restored, file));
    const verify = await vigie({ VIGIE_DATA_DIR: restored, VIGIE_MASTER_KEY: OLD_KEY }, 'verify', '--json');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    const again = await startTestApp({ dataDir: restored });
    try {
      expect(await reports(again)).toEqual(before);
      expect((await readData(again, requestId).expect(200)).body.records).toEqual(IDENTIFICATION_RECORDS);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('refuses a directory that is not empty, and says with PostgreSQL which state pg_dump must save', async () => {
    const t = await startTestApp();
    await t.close({ keepDataDir: true });
    const full = tempDir();
    fs.writeFileSync(path.join(full, 'x'), 'x');
    const refused = await vigie({ VIGIE_DATA_DIR: t.dataDir, VIGIE_MASTER_KEY: OLD_KEY }, 'backup', '--out', full);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not empty/);
    const shared = await vigie(
      { VIGIE_DATA_DIR: t.dataDir, VIGIE_MASTER_KEY: OLD_KEY, VIGIE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      'backup', '--out', path.join(tempDir(), 'b'), '--json',
    );
    expect(shared.code).toBe(0);
    const manifest = JSON.parse(shared.stdout) as { files: { file: string }[]; elsewhere: string[] };
    expect(manifest.files.map((f) => f.file)).toEqual(['events.db']);
    expect(manifest.elsewhere[0]).toMatch(/PostgreSQL .* vault data keys, idempotency records, read models .* pg_dump/);
  }, 60_000);
});

describe('vigie rotate-master-key (spawned process)', () => {
  it('re-wraps every data key: the old key then opens nothing, the new key everything; refused while the API runs', async () => {
    const t = await startTestApp();
    await prepareParties(t);
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    const env = { VIGIE_DATA_DIR: t.dataDir, VIGIE_MASTER_KEY: OLD_KEY, VIGIE_NEW_MASTER_KEY: NEW_KEY };
    const whileRunning = await vigie(env, 'rotate-master-key', '--new-key-env', 'VIGIE_NEW_MASTER_KEY');
    await t.close({ keepDataDir: true });
    expect(whileRunning.code).toBe(2);
    expect(whileRunning.stderr).toMatch(/stop every process/);

    const wrongCurrent = await vigie({ ...env, VIGIE_MASTER_KEY: 'ef'.repeat(32) }, 'rotate-master-key', '--new-key-env', 'VIGIE_NEW_MASTER_KEY');
    expect(wrongCurrent.code).toBe(1);
    expect(wrongCurrent.stderr).toMatch(/nothing changed/);
    const badNew = await vigie({ ...env, VIGIE_NEW_MASTER_KEY: 'short' }, 'rotate-master-key', '--new-key-env', 'VIGIE_NEW_MASTER_KEY');
    expect(badNew.code).toBe(2);
    expect(badNew.stderr).not.toContain('short');

    const rotated = await vigie(env, 'rotate-master-key', '--new-key-env', 'VIGIE_NEW_MASTER_KEY', '--json');
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({ rewrapped: 1, masterKeyFile: null });
    expect(rotated.stdout + rotated.stderr).not.toContain(NEW_KEY);

    await expect(startTestApp({ dataDir: t.dataDir, env: { VIGIE_MASTER_KEY: OLD_KEY } })).rejects.toMatchObject({ code: 'MASTER_KEY_MISMATCH' });
    const after = await startTestApp({ dataDir: t.dataDir, env: { VIGIE_MASTER_KEY: NEW_KEY } });
    try {
      expect((await readData(after, requestId).expect(200)).body.records).toEqual(IDENTIFICATION_RECORDS);
    } finally {
      await after.close();
    }
  }, 120_000);

  it('with the key in the data dir, rewrites master.key so that the next start opens everything', async () => {
    const t = await startTestApp({ env: { VIGIE_MASTER_KEY: undefined } });
    await prepareParties(t);
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, IDENTIFICATION_RECORDS).expect(201);
    await t.close({ keepDataDir: true });
    const file = path.join(t.dataDir, 'master.key');
    const rotated = await vigie({ VIGIE_DATA_DIR: t.dataDir, NEXT: NEW_KEY }, 'rotate-master-key', '--new-key-env', 'NEXT', '--json');
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({ rewrapped: 1, masterKeyFile: file });
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(NEW_KEY);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const after = await startTestApp({ dataDir: t.dataDir, env: { VIGIE_MASTER_KEY: undefined } });
    try {
      expect((await readData(after, requestId).expect(200)).body.records).toEqual(IDENTIFICATION_RECORDS);
    } finally {
      await after.close();
    }
  }, 120_000);
});
