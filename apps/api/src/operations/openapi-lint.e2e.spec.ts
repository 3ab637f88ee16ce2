import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../../../test/support/spawn-ts';
import { startTestApp, tempDir, type TestApp } from '../../../../test/support/test-app';

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

/** Runs the Redocly CLI as a process with its built-in recommended rules; its JSON report on stdout. */
const lint = (file: string): Promise<LintReport> =>
  new Promise((resolve, reject) => {
    const cli = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const child = spawn(process.execPath, [cli, 'lint', file, '--format=json'], {
      cwd: path.dirname(file),
      env: { PATH: process.env.PATH ?? '', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(stdout) as LintReport);
      } catch {
        reject(new Error(`redocly printed no JSON report: ${stdout.slice(0, 500)}`));
      }
    });
  });

describe('the OpenAPI description (/docs-json) under @redocly/cli lint, recommended rules', () => {
  let t: TestApp;
  let document: Record<string, any>;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/docs-json').expect(200)).body;
  });
  afterAll(async () => t.close());

  it('has no error and no warning', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
    try {
      const report = await lint(file);
      const problems = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('describes the API key as an opaque bearer secret, required everywhere but the operations endpoints', () => {
    expect(document.components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    expect(document.components.securitySchemes.bearer.bearerFormat).toBeUndefined();
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/health'].get.security).toEqual([]);
    expect(document.paths['/metrics'].get.security).toEqual([]);
    expect(document.paths['/v1/requests'].post.security).toEqual([{ bearer: [] }]);
  });

  it('lists a 413 only where a body is taken, and a 4xx on every operation', () => {
    for (const [route, item] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const statuses = Object.keys(operation.responses);
        expect({ route, method, has4xx: statuses.some((s) => s.startsWith('4')) }).toEqual({ route, method, has4xx: true });
        if (method === 'get') expect({ route, statuses }).toEqual({ route, statuses: expect.not.arrayContaining(['413']) });
      }
    }
    expect(Object.keys(document.paths['/v1/requests'].post.responses)).toContain('413');
  });
});
