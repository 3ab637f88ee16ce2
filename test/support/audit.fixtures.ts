import { PassThrough } from 'node:stream';
import type { Clock } from '@vigie/domain';
import type { CliIo } from '../../apps/cli/src/cli-io';
import { deliver, fileIdentification, fileTechnical, IDENTIFICATION_RECORDS, prepareParties, TECHNICAL_RECORDS } from './data-use.fixtures';
import { bearer, KEYS, type TestApp } from './test-app';

export const MASTER_KEY = 'ab'.repeat(32);

/** The moments of the audit scenario: everything is delivered before, the purge happens after. */
export const SCENARIO = {
  deliveredBy: '2026-03-02T09:00:00.000Z',
  beforePurge: '2026-03-05T00:00:00.000Z',
  purgedAt: '2026-03-10T09:00:00.000Z',
} as const;

export interface AuditScenario {
  /** Purged on SCENARIO.purgedAt. */
  readonly purged: string;
  readonly identification: string;
  readonly technical: string;
  /** Claimed for `identification`, assessed before SCENARIO.beforePurge, partly paid on SCENARIO.purgedAt. */
  readonly claimId: string;
}

/** Three requests delivered (one of them technical data) and one claimed and assessed; a week later one purged and the claim partly paid. */
export async function buildAuditScenario(t: TestApp): Promise<AuditScenario> {
  await prepareParties(t);
  const purged = await fileIdentification(t);
  await deliver(t, purged, IDENTIFICATION_RECORDS).expect(201);
  const identification = await fileIdentification(t);
  await deliver(t, identification, IDENTIFICATION_RECORDS).expect(201);
  const technical = await fileTechnical(t);
  await deliver(t, technical, TECHNICAL_RECORDS).expect(201);
  const claim = await t.http
    .post('/v1/claims')
    .set(bearer(KEYS.operator))
    .send({ requestIds: [identification], amountCents: 12_000, description: 'Identification of March 2026' })
    .expect(201);
  const claimId = claim.body.claimId as string;
  await t.http.post(`/v1/claims/${claimId}/assessment`).set(bearer(KEYS.admin)).send({ approvedCents: 10_000, note: 'tariff' }).expect(200);
  t.clock.set(SCENARIO.purgedAt);
  await t.http.post(`/v1/requests/${purged}/purge`).set(bearer(KEYS.agent)).send({ reason: 'threat characterised' }).expect(200);
  await t.http.post(`/v1/claims/${claimId}/payment`).set(bearer(KEYS.admin)).send({ paidCents: 4_000, paymentRef: 'PAY-1' }).expect(200);
  return { purged, identification, technical, claimId };
}

/** An in-process CLI io on a data dir, with buffers for its output. */
export function captureIo(dataDir: string, clock?: Clock): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  return {
    stdout,
    stderr,
    env: { VIGIE_DATA_DIR: dataDir, VIGIE_MASTER_KEY: MASTER_KEY },
    cwd: dataDir,
    ...(clock ? { clock } : {}),
    out: () => Buffer.concat(chunks.out).toString('utf8'),
    err: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}
