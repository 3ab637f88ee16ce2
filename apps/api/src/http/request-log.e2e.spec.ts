import { createJsonLogger, type JsonLogger } from '@vigie/runtime';
import { bearer, KEYS, startTestApp, TEST_PRINCIPALS, type TestApp } from '../../../../test/support/test-app';
import { deliver, fileIdentification, prepareParties } from '../../../../test/support/data-use.fixtures';
import { incidentBody } from '../../../../test/support/workflow.fixtures';

/** Markers that exist only in what operators deliver and agents write: none may reach a log line. */
const MARKERS = ['Zorglub-Marker-Name', 'zorglub-marker@example.org', '7 rue Zorglub-Marker', 'Zorglub-Marker-Alert-Text'];

const RECORDS = [
  { identifier: '192.0.2.10', identity: MARKERS[0], postalAddress: MARKERS[2], emailAddress: MARKERS[1] },
];

/** A logger that keeps its lines in memory. */
const capture = (): { log: JsonLogger; lines: string[] } => {
  const lines: string[] = [];
  return { log: createJsonLogger('info', 'vigie-api', { write: (line: string) => void lines.push(line) }), lines };
};

describe('JSON logs of the API', () => {
  let t: TestApp;
  let lines: string[];
  const requestLines = (): Record<string, unknown>[] =>
    lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'http.request');

  beforeAll(async () => {
    const captured = capture();
    lines = captured.lines;
    t = await startTestApp({ log: captured.log });
    await prepareParties(t);
  });
  afterAll(async () => t.close());

  it('a full workflow (deliver, data-access, alert) logs one line per request, and never a key, a header, a body or delivered data', async () => {
    const requestId = await fileIdentification(t);
    await deliver(t, requestId, RECORDS).set('X-Request-Id', 'trace-deliver-1').expect(201);
    const read = await t.http.post(`/v1/requests/${requestId}/data-access`).set(bearer(KEYS.agent)).send({ purpose: 'alert-holder' }).expect(200);
    expect(read.body.records).toEqual(RECORDS);
    await t.http
      .post(`/v1/requests/${requestId}/alerts`)
      .set(bearer(KEYS.agent))
      .send({ recipient: { recordIndex: 0 }, channel: 'email', message: MARKERS[3] })
      .expect(201);
    await t.http.get(`/v1/requests/${requestId}`).set(bearer(KEYS.auditor)).expect(200);
    await t.http.get('/v1/requests/not-a-uuid').set('Authorization', 'Bearer not-a-known-key-zorglub').expect(401);

    const text = lines.join('');
    for (const secret of [...MARKERS, ...TEST_PRINCIPALS.map((p) => p.key), 'not-a-known-key-zorglub', 'Bearer', '192.0.2.10']) {
      expect({ secret, logged: text.includes(secret) }).toEqual({ secret, logged: false });
    }
    // Route patterns, not raw URLs: the request's id is in no request line.
    expect(text).not.toContain(`/v1/requests/${requestId}`);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    const delivery = requestLines().find((l) => l.correlationId === 'trace-deliver-1');
    expect(delivery).toEqual(
      expect.objectContaining({
        level: 'info',
        service: 'vigie-api',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        method: 'POST',
        route: '/v1/requests/:requestId/delivery',
        status: 201,
        durationMs: expect.any(Number),
        principalId: 'p-operator',
      }),
    );
    const routes = requestLines().map((l) => `${String(l.method)} ${String(l.route)} ${String(l.status)} ${String(l.principalId)}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /v1/requests/:requestId/data-access 200 p-agent',
        'POST /v1/requests/:requestId/alerts 201 p-agent',
        'GET /v1/requests/:requestId 200 p-auditor',
        'GET /v1/requests/:requestId 401 null',
      ]),
    );
  });

  it("echoes the caller's X-Request-Id, which becomes the correlationId of the events appended", async () => {
    const res = await t.http
      .post('/v1/incidents')
      .set(bearer(KEYS.admin))
      .set('X-Request-Id', 'client-trace-42')
      .send(incidentBody());
    expect(res.headers['x-request-id']).toBe('client-trace-42');
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    const events = [];
    for await (const e of t.runtime.store.readStream(`incident-${res.body.incidentId as string}`)) events.push(e);
    expect(events.map((e) => e.metadata.correlationId)).toEqual(['client-trace-42']);
    expect(requestLines().find((l) => l.correlationId === 'client-trace-42')).toMatchObject({ route: '/v1/incidents', status: 201, principalId: 'p-admin' });
  });

  it('generates a request id when none (or an unusable one) is sent, and uses it the same way', async () => {
    for (const sent of [undefined, 'bad id with spaces', 'x'.repeat(201)]) {
      const call = t.http.get('/v1/requests');
      const res = await (sent === undefined ? call : call.set('X-Request-Id', sent)).expect(401);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(requestLines().find((l) => l.correlationId === res.headers['x-request-id'])).toMatchObject({ route: '/v1/requests', status: 401, principalId: null });
    }
  });

  it('logs a probe answered 200 (/health, /metrics) at debug only, not at info', async () => {
    const health = await t.http.get('/health').expect(200);
    const metrics = await t.http.get('/metrics').expect(200);
    for (const res of [health, metrics]) expect(requestLines().some((l) => l.correlationId === res.headers['x-request-id'])).toBe(false);

    const debugLines: string[] = [];
    const debug = await startTestApp({ log: createJsonLogger('debug', 'vigie-api', { write: (line: string) => void debugLines.push(line) }) });
    try {
      const probed = await debug.http.get('/health').expect(200);
      const line = debugLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.correlationId === probed.headers['x-request-id']);
      expect(line).toMatchObject({ event: 'http.request', route: '/health', status: 200, level: 'debug' });
    } finally {
      await debug.close();
    }
  });

  it('logs the start-up of the duties as JSON lines too', () => {
    const parsed = lines.map((l) => JSON.parse(l) as { context?: string; msg: string });
    expect(parsed.find((l) => l.context === 'Vigie')?.msg).toMatch(/lease/i);
  });
});
