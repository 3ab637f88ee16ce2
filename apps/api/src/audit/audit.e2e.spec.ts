import Database from 'better-sqlite3';
import * as path from 'node:path';
import { buildAuditScenario, type AuditScenario } from '../../../../test/support/audit.fixtures';
import { bearer, KEYS, startTestApp, type TestApp } from '../../../../test/support/test-app';
import { expectProblem } from '../../../../test/support/workflow.fixtures';

interface Item {
  position: string;
  streamId: string;
  revision: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

describe('Audit over HTTP', () => {
  let t: TestApp;
  let scenario: AuditScenario;

  beforeEach(async () => {
    t = await startTestApp();
    scenario = await buildAuditScenario(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const page = (query: string, key: string = KEYS.auditor) => t.http.get(`/v1/audit/events${query}`).set(bearer(key));

  it('pages through the whole log in global order, none repeated, next null at the end', async () => {
    const all = (await page('?limit=1000').expect(200)).body as { items: Item[]; next: string | null };
    expect(all.next).toBeNull();
    expect(all.items.length).toBeGreaterThan(10);
    const positions = all.items.map((i) => BigInt(i.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(all.items.map((i) => i.position)).size).toBe(all.items.length);
    expect(all.items[0]).toMatchObject({ position: expect.stringMatching(/^\d+$/), revision: '0', metadata: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });

    const walked: Item[] = [];
    let from: string | null = null;
    let pages = 0;
    do {
      const res = await page(`?limit=4${from === null ? '' : `&from=${from}`}`).expect(200);
      walked.push(...(res.body.items as Item[]));
      from = res.body.next as string | null;
      if (from !== null) expect(from).toBe(walked[walked.length - 1].position);
      pages++;
    } while (from !== null);
    expect(walked).toEqual(all.items);
    expect(pages).toBe(Math.ceil(all.items.length / 4));

    // Exactly `limit` left: that page is the last one.
    const last3 = all.items.slice(-3);
    const tail = await page(`?from=${all.items[all.items.length - 4].position}&limit=3`).expect(200);
    expect(tail.body).toEqual({ items: last3, next: null });
    expect((await page(`?from=${all.items[all.items.length - 1].position}`).expect(200)).body).toEqual({ items: [], next: null });
    // Only an event's position is a cursor: past the head, or between events on EventStoreDB.
    const beyond = await page(`?from=${BigInt(all.items[all.items.length - 1].position as string) + 1n}`).expect(400);
    expect(beyond.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'from' }] });
  });

  it('delivers the data still encrypted, as stored in the log', async () => {
    const { items } = (await page('?limit=1000', KEYS.admin).expect(200)).body as { items: Item[] };
    const delivered = items.filter((i) => i.type === 'DataDelivered');
    expect(delivered).toHaveLength(3);
    const text = JSON.stringify(items);
    for (const secret of ['Jeanne Dupont', 'jeanne@example.org', '198.51.100.9']) expect(text).not.toContain(secret);
    expect(delivered[0].data).toMatchObject({ requestId: scenario.purged, sealed: { ciphertext: expect.any(String) } });
  });

  it.each([['?from=abc'], ['?from=-1'], ['?from=99999999999999999999'], ['?from=9223372036854775808'], ['?limit=0'], ['?limit=1001'], ['?limit=1.5'], ['?limit=ten'], ['?cursor=1']])(
    'refuses a malformed cursor or limit (%s) with 400 VALIDATION_FAILED',
    async (query) => {
      expectProblem(await page(query), 400, 'VALIDATION_FAILED');
    },
  );

  it('is for auditors and admins only', async () => {
    expectProblem(await page('', KEYS.agent), 403, 'FORBIDDEN');
    expectProblem(await t.http.get('/v1/audit/verify').set(bearer(KEYS.operator)), 403, 'FORBIDDEN');
    await t.http.get('/v1/audit/events').expect(401);
  });

  it('verifies the chains, and names the stream whose stored event was edited by one byte', async () => {
    const sound = await t.http.get('/v1/audit/verify').set(bearer(KEYS.auditor)).expect(200);
    expect(sound.body).toEqual({ ok: true, streams: expect.any(Number), events: expect.any(Number) });
    expect(sound.body.events).toBeGreaterThan(10);

    const db = new Database(path.join(t.dataDir, 'events.db'));
    try {
      const stream = `request-${scenario.identification}`;
      const row = db.prepare('SELECT position, data FROM events WHERE stream_id = ? AND revision = 0').get(stream) as { position: number; data: string };
      const at = row.data.indexOf('attacked');
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(`${row.data.slice(0, at)}A${row.data.slice(at + 1)}`, row.position);
      const broken = await t.http.get('/v1/audit/verify').set(bearer(KEYS.admin)).expect(200);
      expect(broken.body).toEqual({ ok: false, streams: sound.body.streams, events: sound.body.events, firstBrokenStream: stream });
    } finally {
      db.close();
    }
  });
});
