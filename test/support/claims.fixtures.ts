import * as fs from 'node:fs';
import * as path from 'node:path';
import { bearer, IDS, KEYS, startTestApp, tempDir, type TestApp } from './test-app';
import { fileIdentification, post, setUpParties } from './workflow.fixtures';

/** The tariffs the claim specs run with: default prices, and operator 1's own per-record price. */
export const TEST_TARIFFS = {
  default: {
    'subscriber-identification': { perRequestCents: 1_000, perRecordCents: 50 },
    'technical-data': { perRequestCents: 5_000, perRecordCents: 10 },
  },
  operators: { [IDS.operator]: { 'subscriber-identification': { perRecordCents: 200 } } },
};

/** The app with a tariff file, operators and agents set up (operator 2 is a hosting provider only). */
export async function startClaimsApp(tariffs: unknown = TEST_TARIFFS): Promise<TestApp> {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'tariffs.json');
  fs.writeFileSync(file, JSON.stringify(tariffs));
  const t = await startTestApp({ dataDir, env: { VIGIE_TARIFFS_FILE: file } });
  await setUpParties(t);
  return t;
}

/** An identification request to operator 1, answered through HTTP: declined, or delivered with `records` records. */
export async function servedRequest(t: TestApp, answer: { records?: number; addresseeRole?: 'hosting' } = {}): Promise<string> {
  const requestId = await fileIdentification(t, answer.addresseeRole ? { addresseeRole: answer.addresseeRole } : {});
  if (answer.records === undefined) {
    await post(t, `/v1/requests/${requestId}/decline`, KEYS.operator, { reason: 'no such subscriber' }).expect(200);
  } else {
    const records = Array.from({ length: answer.records }, (_, i) => ({ identifier: '203.0.113.7', identity: `Holder ${i}` }));
    await post(t, `/v1/requests/${requestId}/delivery`, KEYS.operator, { records }).expect(201);
  }
  return requestId;
}

export const claimBody = (requestIds: readonly string[], extra: Record<string, unknown> = {}) => ({
  requestIds,
  amountCents: 10_000,
  description: 'Identification requests of March 2026',
  ...extra,
});

export const fileClaim = async (t: TestApp, requestIds: readonly string[], extra: Record<string, unknown> = {}): Promise<string> =>
  (await post(t, '/v1/claims', KEYS.operator, claimBody(requestIds, extra)).expect(201)).body.claimId as string;

export const getClaim = (t: TestApp, claimId: string, key: string = KEYS.operator) => t.http.get(`/v1/claims/${claimId}`).set(bearer(key));
