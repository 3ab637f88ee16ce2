import * as fs from 'node:fs';
import * as path from 'node:path';
import { ManualClock } from '@vigie/domain';
import { buildAuditScenario, captureIo, SCENARIO, type AuditScenario } from '../../../test/support/audit.fixtures';
import { bearer, KEYS, startTestApp, tempDir, type TestApp } from '../../../test/support/test-app';
import { run } from './cli';

const vigieOn = async (t: TestApp, argv: string[], clock?: ManualClock) => {
  const io = captureIo(t.dataDir, clock);
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
};
const reportOf = async (t: TestApp, name: string) => (await t.http.get(`/v1/reports/${name}`).set(bearer(KEYS.auditor)).expect(200)).body;

/** The CLI in this process, on the data dir of a running API (the WAL lets both work). */
describe('vigie (in process)', () => {
  let t: TestApp;
  let scenario: AuditScenario;

  beforeAll(async () => {
    t = await startTestApp();
    scenario = await buildAuditScenario(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const vigie = (argv: string[], clock?: ManualClock) => vigieOn(t, argv, clock);
  const report = (name: string) => reportOf(t, name);

  it('verify: a sound log, as JSON and as a table', async () => {
    const json = await vigie(['verify', '--json']);
    expect(json).toMatchObject({ code: 0, err: '' });
    const live = (await t.http.get('/v1/audit/verify').set(bearer(KEYS.auditor))).body;
    expect(JSON.parse(json.out)).toEqual(live);
    expect(live.ok).toBe(true);
    const table = await vigie(['verify']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^ok\s+true$/m);
  });

  it('replay as of now equals the live HTTP report, deep equal', async () => {
    for (const name of ['retention', 'compensation', 'oversight']) {
      const replayed = await vigie(['replay', '--report', name, '--as-of', t.clock.now().toISOString(), '--json']);
      expect(replayed).toMatchObject({ code: 0, err: '' });
      expect(JSON.parse(replayed.out)).toEqual(await report(name));
    }
    // Without a bound the report is taken at the injected clock's now.
    const unbounded = await vigie(['replay', '--report', 'retention', '--json'], t.clock);
    expect(JSON.parse(unbounded.out)).toEqual(await report('retention'));
  });

  it('replay as of an earlier date: the later purge is not in it, nothing else differs', async () => {
    const now = (await report('retention')) as { items: Record<string, unknown>[] };
    const before = await vigie(['replay', '--report', 'retention', '--as-of', SCENARIO.beforePurge, '--json']);
    expect(before.code).toBe(0);
    const expected = now.items.map((item) => {
      if (item.requestId !== scenario.purged) return item;
      const { purgedAt: _p, purgeReason: _r, ...held } = item;
      return { ...held, status: 'retained' };
    });
    expect(now.items.find((i) => i.requestId === scenario.purged)).toMatchObject({ status: 'purged' });
    expect(JSON.parse(before.out)).toEqual({ items: expected, next: null });
  });

  it('replay as of an earlier date: the later payment is not in the compensation report', async () => {
    const now = await report('compensation');
    expect(now.totals).toEqual({ claimedCents: 12_000, approvedCents: 10_000, paidCents: 4_000, outstandingCents: 6_000 });
    const before = await vigie(['replay', '--report', 'compensation', '--as-of', SCENARIO.beforePurge, '--json']);
    const unpaid = { paidCents: 0, outstandingCents: 10_000 };
    expect(JSON.parse(before.out)).toEqual({ items: [{ ...now.items[0], ...unpaid }], totals: { ...now.totals, ...unpaid } });
  });

  it('replay to a position stops there, and the table form is readable', async () => {
    const { items } = (await t.http.get('/v1/audit/events?limit=1000').set(bearer(KEYS.auditor))).body as { items: { position: string; type: string }[] };
    const firstDelivery = items.find((i) => i.type === 'DataDelivered') as { position: string };
    const json = await vigie(['replay', '--report', 'retention', '--to-position', firstDelivery.position, '--json']);
    expect(JSON.parse(json.out).items).toEqual([expect.objectContaining({ requestId: scenario.purged, status: 'retained' })]);
    const table = await vigie(['replay', '--report', 'retention', '--to-position', firstDelivery.position]);
    expect(table.code).toBe(0);
    expect(table.out).toContain('datasetId');
    expect(table.out).toContain(scenario.purged);
  });

  it('export then import-verify: a sound archive, and a broken one names its stream', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'log.ndjson');
    const exported = await vigie(['export', '--out', file, '--json']);
    expect(exported.code).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const live = (await t.http.get('/v1/audit/verify').set(bearer(KEYS.auditor))).body;
    expect(JSON.parse(exported.out)).toMatchObject({ events: live.events });
    expect(lines).toHaveLength(live.events);
    const first = JSON.parse(lines[0]);
    expect(first).toMatchObject({ position: expect.stringMatching(/^\d+$/), revision: '0', eventId: expect.any(String), metadata: { hash: expect.any(String) } });

    const sound = await vigie(['import-verify', '--in', file, '--json']);
    expect(sound).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(sound.out)).toEqual(live);

    const from = JSON.parse(lines[4]).position as string;
    const rest = await vigie(['export', '--from', from, '--out', path.join(dir, 'rest.ndjson'), '--json']);
    expect(fs.readFileSync(path.join(dir, 'rest.ndjson'), 'utf8').trimEnd().split('\n')).toEqual(lines.slice(5));
    expect(JSON.parse(rest.out).events).toBe(lines.length - 5);
    const nowhere = await vigie(['export', '--from', String(BigInt(JSON.parse(lines[lines.length - 1]).position as string) + 1n), '--out', path.join(dir, 'none.ndjson')]);
    expect(nowhere).toMatchObject({ code: 2, err: expect.stringMatching(/--from must be the position of an event/) });

    const tampered = lines.map((l) => JSON.parse(l));
    const victim = tampered.find((e) => e.type === 'DataDelivered');
    victim.data.recordCount += 1;
    fs.writeFileSync(path.join(dir, 'tampered.ndjson'), tampered.map((e) => JSON.stringify(e)).join('\n'));
    const broken = await vigie(['import-verify', '--in', path.join(dir, 'tampered.ndjson'), '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toEqual({ ...live, ok: false, firstBrokenStream: victim.streamId });

    fs.writeFileSync(path.join(dir, 'garbled.ndjson'), [lines[0], lines[1], '{"position": ', lines[2]].join('\n'));
    const garbled = await vigie(['import-verify', '--in', path.join(dir, 'garbled.ndjson')]);
    expect(garbled).toEqual({ code: 2, out: '', err: 'error: Line 3 is not valid JSON.\n' });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [[], /^error: missing command, one of: verify, replay, purge-due, export, import-verify/],
    [['verify', '--jsn'], /^error: unknown option '--jsn' \(Did you mean --json\?\)$/m],
    [['frobnicate'], /^error: unknown command 'frobnicate'/],
    [['replay', '--report', 'nope'], /^error: option '--report <name>' argument 'nope' is invalid/],
    [['replay'], /^error: required option '--report <name>' not specified/],
    [['replay', '--report', 'retention', '--as-of', 'yesterday'], /^error: option '--as-of <time>' argument 'yesterday' is invalid/],
    [['export', '--out', '/x', '--from', '-3'], /^error: /],
    [['import-verify', '--in', '/no/such/file.ndjson'], /^error: Cannot read \/no\/such\/file.ndjson: ENOENT/],
  ])('bad usage or input %j: exit 2 with a message on stderr', async (argv, message) => {
    const result = await vigie(argv as string[]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a data dir without a log is bad input, and nothing is created there', async () => {
    const empty = tempDir();
    const io = captureIo(empty);
    expect(await run(['verify'], io)).toBe(2);
    expect(io.err()).toMatch(/^error: No event log at /);
    expect(fs.readdirSync(empty)).toEqual([]);
  });
});

/** purge-due changes the log: each test gets its own API and scenario, so none depends on another's order. */
describe('vigie purge-due (in process, next to its own API)', () => {
  let t: TestApp;
  let scenario: AuditScenario;

  beforeEach(async () => {
    t = await startTestApp();
    scenario = await buildAuditScenario(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const vigie = (argv: string[], clock?: ManualClock) => vigieOn(t, argv, clock);
  const report = (name: string) => reportOf(t, name);

  it('purge-due --dry-run lists what is due without purging it', async () => {
    const later = new ManualClock('2028-06-01T00:00:00.000Z');
    const dry = await vigie(['purge-due', '--dry-run', '--json'], later);
    expect(dry.code).toBe(0);
    const summary = JSON.parse(dry.out);
    expect(summary).toMatchObject({ dryRun: true, now: '2028-06-01T00:00:00.000Z' });
    expect(summary.purged.map((p: { requestId: string }) => p.requestId)).toEqual([scenario.identification]);
    expect((await report('retention')).items.find((i: { requestId: string }) => i.requestId === scenario.identification)).toMatchObject({ status: 'retained' });
  });

  it('purge-due purges what is due once, next to the running API, and the chains stay sound', async () => {
    const later = new ManualClock('2028-06-01T00:00:00.000Z');
    const first = await vigie(['purge-due', '--json'], later);
    expect(first.code).toBe(0);
    const [purged] = JSON.parse(first.out).purged as { requestId: string; keyId: string }[];
    expect(JSON.parse(first.out).purged).toEqual([expect.objectContaining({ requestId: scenario.identification, overdue: true })]);
    // Crypto-shredding: the key is gone from the vault the API itself reads.
    expect(await t.runtime.vault.has(purged.keyId)).toBe('destroyed');
    const again = await vigie(['purge-due', '--json'], later);
    expect(JSON.parse(again.out)).toMatchObject({ dryRun: false, purged: [] });
    await t.runtime.settle(await t.runtime.store.headPosition());
    const items = (await report('retention')).items as { requestId: string; status: string; purgeReason?: string }[];
    expect(items.find((i) => i.requestId === scenario.identification)).toMatchObject({ status: 'purged', purgeReason: 'retention-expired' });
    expect(JSON.parse((await vigie(['verify', '--json'])).out)).toMatchObject({ ok: true });
  });
});
