import { execFile } from 'node:child_process';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { buildAuditScenario, MASTER_KEY, type AuditScenario } from '../../../test/support/audit.fixtures';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

const ROOT = path.resolve(__dirname, '../../..');

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real `vigie` process, as `npm run cli` starts it, on the data dir of a running API. */
const vigie = (dataDir: string, ...argv: string[]): Promise<Outcome> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...argv],
      { cwd: ROOT, env: { ...process.env, VIGIE_DATA_DIR: dataDir, VIGIE_MASTER_KEY: MASTER_KEY } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('vigie (spawned process): tamper evidence', () => {
  let t: TestApp;
  let scenario: AuditScenario;
  let db: Database.Database;

  beforeEach(async () => {
    t = await startTestApp();
    scenario = await buildAuditScenario(t);
    db = new Database(path.join(t.dataDir, 'events.db'));
  });
  afterEach(async () => {
    db.close();
    await t.close();
  });

  it('verify passes on the untouched log, then fails with exit 1 naming the stream after a one-byte edit', async () => {
    const sound = await vigie(t.dataDir, 'verify', '--json');
    expect(sound).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(sound.stdout);
    expect(report).toEqual({ ok: true, streams: expect.any(Number), events: expect.any(Number) });

    const stream = `request-${scenario.technical}`;
    const row = db.prepare('SELECT position, data FROM events WHERE stream_id = ? AND revision = 0').get(stream) as { position: number; data: string };
    const at = row.data.indexOf('analyse');
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(`${row.data.slice(0, at)}A${row.data.slice(at + 1)}`, row.position);

    const broken = await vigie(t.dataDir, 'verify', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toEqual({ ...report, ok: false, firstBrokenStream: stream });
    expect(broken.stderr).toBe(`Hash chain broken in stream ${stream}\n`);
    const table = await vigie(t.dataDir, 'verify');
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(new RegExp(`^firstBrokenStream\\s+${stream}$`, 'm'));
  });

  it('verify fails with exit 1 naming the stream when an event row in the middle of a stream is deleted', async () => {
    const stream = `request-${scenario.purged}`;
    const revisions = db.prepare('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision').pluck().all(stream) as number[];
    expect(revisions.length).toBeGreaterThanOrEqual(3);
    db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 1').run(stream);

    const broken = await vigie(t.dataDir, 'verify', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBrokenStream: stream });
  });

  it('bad usage exits 2 with one line on stderr; a replay prints one JSON document', async () => {
    const bad = await vigie(t.dataDir, 'replay', '--report', 'retention', '--to-position', 'ten');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: option '--to-position <position>' argument 'ten' is invalid\. [^\n]*\n$/);
    const replay = await vigie(t.dataDir, 'replay', '--report', 'retention', '--json');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout).items).toHaveLength(3);
  });
});
