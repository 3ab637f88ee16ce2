import * as fs from 'node:fs';
import * as path from 'node:path';
import { finished, spawnTs, waitForOutput } from '../support/spawn-ts';
import { tempDir } from '../support/test-app';
import { agentBody, identificationBody, operatorBody } from '../support/workflow.fixtures';

/**
 * What a newcomer does with the README and docs/operations.md alone: start Vigie, keep the
 * admin key it prints, register an operator and an agent, send the list to ARCEP, give the
 * agent a key of its own, and file a request with it. Through the real process.
 */
describe('from a first start to an agent filing a request with its own key', () => {
  it('needs nothing but the API', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const child = spawnTs('apps/api/src/main.ts', [], { VIGIE_DATA_DIR: dataDir, PORT: '0' });
    const exit = finished(child);
    try {
      const out = await waitForOutput(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
      const adminKey = /Admin API key: (\S+)/.exec(out)?.[1] as string;
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      const call = async (key: string, route: string, body: unknown): Promise<Record<string, unknown>> => {
        const res = await fetch(`http://127.0.0.1:${port}${route}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await res.text();
        if (res.status >= 300) throw new Error(`${route}: ${res.status} ${text}`);
        return JSON.parse(text) as Record<string, unknown>;
      };

      await call(adminKey, '/v1/operators', operatorBody());
      const { agentId } = await call(adminKey, '/v1/agents', agentBody());
      await call(adminKey, '/v1/habilitation-lists', {});
      const enrolled = await call(adminKey, '/v1/principals', { role: 'agent', agentId, label: 'Camille Martin, analyst' });
      expect(enrolled).toMatchObject({ role: 'agent', key: expect.any(String) });

      const filed = await call(enrolled.key as string, '/v1/requests', identificationBody());
      expect(filed).toMatchObject({ status: 'filed', requestId: expect.any(String) });
      // Only the key's sha256 was kept.
      const stored = fs.readdirSync(dataDir).map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1')).join('');
      expect(stored).not.toContain(enrolled.key as string);
    } finally {
      child.kill('SIGTERM');
      await exit;
    }
  }, 90_000);
});
