import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { finished, spawnTs, waitForOutput } from '../../../test/support/spawn-ts';
import { tempDir } from '../../../test/support/test-app';

/** The real entry point, as `npm start` runs it (from source here, to skip the build). */
describe('the API process', () => {
  it('on a first start creates its data dir, prints one admin key once, serves /health, and stops on SIGTERM', async () => {
    const dataDir = path.join(tempDir(), 'fresh');
    const child = spawnTs('apps/api/src/main.ts', [], { VIGIE_DATA_DIR: dataDir, PORT: '0' });
    const exit = finished(child);
    const out = await waitForOutput(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
    const key = /Admin API key: (\S+)/.exec(out)?.[1] as string;
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
    expect(fs.statSync(path.join(dataDir, 'principals.json')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dataDir, 'principals.json'), 'utf8')).not.toContain(key);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
    const created = await fetch(`http://127.0.0.1:${port}/v1/operators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Example Telecom', categories: ['electronic-communications'] }),
    });
    expect(created.status).toBe(201);
    // Defect 8: the stores were 0644, protected only by the directory.
    const files = fs.readdirSync(dataDir).filter((f) => fs.statSync(path.join(dataDir, f)).isFile());
    expect(files).toEqual(expect.arrayContaining(['events.db', 'read.db', 'idempotency.db', 'vault.db', 'master.key', 'principals.json']));
    for (const file of files) expect([file, (fs.statSync(path.join(dataDir, file)).mode & 0o777).toString(8)]).toEqual([file, '600']);
    child.kill('SIGTERM');
    // Nest closes the app (store, vault, read models) then re-raises the signal.
    const ended = await exit;
    expect(ended.code === 0 || ended.signal === 'SIGTERM').toBe(true);
    expect(ended.stderr).toBe('');
    // Past the one-time key block, stdout is JSON lines: start-up, the lease, one per request.
    const block = ['', 'First start:', 'Admin API key:', 'Keep it now:'];
    const logLines = ended.stdout.split('\n').filter((l) => !block.some((b) => (b === '' ? l === '' : l.startsWith(b))));
    const parsed = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'process.start', level: 'info', service: 'vigie-api', port })]));
    expect(parsed).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'http.request', method: 'POST', route: '/v1/operators', status: 201 })]));
    expect(logLines.join('\n')).not.toContain(key);

    const again = spawnTs('apps/api/src/main.ts', [], { VIGIE_DATA_DIR: dataDir, PORT: '0' });
    const againExit = finished(again);
    const second = await waitForOutput(again, /listening on/);
    expect(second).not.toContain('Admin API key');
    again.kill('SIGTERM');
    await againExit;
  }, 60_000);

  it.each([
    ['VIGIE_RETENTION_TECHNICAL', 'P6Y'],
    ['VIGIE_RETENTION_IDENTIFICATION', 'forever'],
    ['PORT', 'eighty'],
    ['VIGIE_LOG_LEVEL', 'chatty'],
    // Defect 8: an empty key counted as unset, and the API served as a worker.
    ['VIGIE_MASTER_KEY', ''],
    ['VIGIE_ROLE', 'worker'],
  ])('refuses to start with %s=%s, in one line naming the variable', async (name, value) => {
    const { code, stderr } = await finished(spawnTs('apps/api/src/main.ts', [], { VIGIE_DATA_DIR: tempDir(), [name]: value }));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
  }, 60_000);

  const oneLineNaming = (stderr: string, name: string): void => {
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining(name)]);
    expect(lines[0]).not.toMatch(/Nest|fastify|\bat \//i);
  };

  it('refuses a data dir that cannot be created, naming VIGIE_DATA_DIR', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    const { code, stderr } = await finished(spawnTs('apps/api/src/main.ts', [], { VIGIE_DATA_DIR: path.join(file, 'data'), PORT: '0' }));
    expect(code).toBe(1);
    oneLineNaming(stderr, 'VIGIE_DATA_DIR');
  }, 60_000);

  it('refuses a port in use in one line naming PORT, and nothing else', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await finished(spawnTs('apps/api/src/main.ts', [], { VIGIE_DATA_DIR: tempDir(), PORT: String(port) }));
      expect(code).toBe(1);
      oneLineNaming(stderr, 'PORT');
      expect(stderr).toContain('in use');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);
});
