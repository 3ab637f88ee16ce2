import * as fs from 'node:fs';
import { KEYS, startTestApp } from '../support/test-app';
import { agentBody, identificationBody, operatorBody } from '../support/workflow.fixtures';

export interface VisibilityFigures {
  /** p99 of (201 received → first GET /v1/requests/:id answering 200), in ms. */
  readonly acceptedToVisibleP99: number;
  /** p99 of (POST sent → first GET answering 200): the command's own time included, in ms. */
  readonly sentToVisibleP99: number;
  readonly filings: number;
}

const p99 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] * 10) / 10;
};

/**
 * Register visibility as a client sees it: the real application (the test composition:
 * temporary data dir, the test principals) listening on a free port, `writers` clients
 * each filing requests with POST /v1/requests over HTTP and polling GET /v1/requests/:id
 * until the request is there, while the others keep filing.
 */
export async function registerVisibilityOverHttp(filings: number, writers: number): Promise<VisibilityFigures> {
  const t = await startTestApp();
  const accepted: number[] = [];
  const sent: number[] = [];
  try {
    await t.app.listen(0, '127.0.0.1');
    const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const call = async (method: string, path: string, key: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const expectCreated = async (path: string, key: string, body: unknown): Promise<Record<string, unknown>> => {
      const res = await call('POST', path, key, body);
      if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.json)}`);
      return res.json;
    };
    await expectCreated('/v1/operators', KEYS.admin, operatorBody());
    await expectCreated('/v1/agents', KEYS.admin, agentBody());
    await expectCreated('/v1/habilitation-lists', KEYS.admin, {});
    const writer = async (): Promise<void> => {
      for (let n = 0; n < Math.ceil(filings / writers); n++) {
        const start = performance.now();
        const { requestId } = await expectCreated('/v1/requests', KEYS.agent, identificationBody());
        const ok = performance.now();
        while ((await call('GET', `/v1/requests/${String(requestId)}`, KEYS.agent)).status !== 200);
        const visible = performance.now();
        accepted.push(visible - ok);
        sent.push(visible - start);
      }
    };
    await Promise.all(Array.from({ length: writers }, () => writer()));
  } finally {
    await t.close();
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  }
  return { acceptedToVisibleP99: p99(accepted), sentToVisibleP99: p99(sent), filings: accepted.length };
}
