import { DomainError, requestDecider, requestStream } from '@vigie/domain';
import { loadStream } from '../kernel/command-handler';
import { accessData } from './access-data';
import {
  fileDirectly,
  habilitateDirectly,
  IDENTIFICATION_RECORDS,
  identificationFiled,
  metaAt,
  openBench,
  revokeDirectly,
  storedKeyCount,
  TECHNICAL_RECORDS,
  technicalFiled,
  type DataUseBench,
} from './data-use.fixtures';
import { declineRequest } from './decline-request';
import { deliverData } from './deliver-data';
import { purgeData } from './purge-data';
import { sendAlert } from './send-alert';

const AT = '2026-03-12T10:00:00.000Z';
const LATER = '2026-03-13T10:00:00.000Z';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`),
  );

const typesOf = async (bench: DataUseBench, requestId: string): Promise<string[]> =>
  (await loadStream(bench.store, requestStream(requestId), requestDecider)).recorded.map((e) => e.type);

describe('delivery, access, alerts and purge (embedded store and vault)', () => {
  let bench: DataUseBench;
  beforeEach(async () => {
    bench = await openBench();
    await fileDirectly(bench, identificationFiled({ requestId: 'rq-1', operatorId: 'op-1' }));
    await fileDirectly(bench, technicalFiled({ requestId: 'rq-2', operatorId: 'op-1' }));
    await habilitateDirectly(bench, 'ag-1');
  });
  afterEach(async () => bench.close());

  it('refuses reads and alerts to an agent whose habilitation was withdrawn (L2321-3 al. 1)', async () => {
    await deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    await revokeDirectly(bench, 'ag-1', AT);
    expect(await codeOf(accessData(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', 'alert-holder'))).toBe('AGENT_NOT_HABILITATED');
    const alert = { recordIndex: 0, channel: 'email' as const, message: 'm' };
    expect(await codeOf(sendAlert(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', alert))).toBe('AGENT_NOT_HABILITATED');
    expect(await codeOf(accessData(bench.deps, metaAt(LATER), 'ag-unknown', 'rq-1', 'alert-holder'))).toBe('AGENT_NOT_HABILITATED');
    expect(await typesOf(bench, 'rq-1')).toEqual(['RequestFiled', 'DataDelivered']);
  });

  it('deliverData seals the records, fixes the deadline by kind, and a retry answers the first delivery', async () => {
    const meta = metaAt(AT);
    const first = await deliverData(bench.deps, meta, 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    expect(first.retentionDeadline).toBe('2028-03-12T10:00:00.000Z');
    const retry = await deliverData(bench.deps, meta, 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    expect({ ...retry, position: undefined }).toEqual({ ...first, position: undefined });
    expect(await typesOf(bench, 'rq-1')).toEqual(['RequestFiled', 'DataDelivered']);
    const technical = await deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-2', TECHNICAL_RECORDS);
    expect(technical.retentionDeadline).toBe('2031-03-12T10:00:00.000Z');
    const { recorded } = await loadStream(bench.store, requestStream('rq-1'), requestDecider);
    expect(JSON.stringify(recorded[1].data)).not.toContain('Jeanne');
  });

  it('deliverData refuses unknown requests, other operators, unrequested fields and content, leaving no key behind', async () => {
    expect(await codeOf(deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-none', IDENTIFICATION_RECORDS))).toBe('NOT_FOUND');
    expect(await codeOf(deliverData(bench.deps, metaAt(AT), 'op-2', 'rq-1', IDENTIFICATION_RECORDS))).toBe('FORBIDDEN');
    const postal = [{ identifier: 'x', postalAddress: '1 rue de la Paix' }];
    expect(await codeOf(deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-1', postal))).toBe('FIELD_NOT_REQUESTED');
    const content = [{ category: 'traffic', values: { nested: { Body: 'hello' } } }];
    expect(await codeOf(deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-2', content))).toBe('CONTENT_EXCLUDED');
    const origin = [{ category: 'origin', values: {} }];
    expect(await codeOf(deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-2', origin))).toBe('CATEGORY_NOT_REQUESTED');
    expect(storedKeyCount(bench)).toBe(0);
    await deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    expect(await codeOf(deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS))).toBe('REQUEST_NOT_OPEN');
  });

  it('declineRequest closes the request; a second answer is REQUEST_NOT_OPEN', async () => {
    const answer = await declineRequest(bench.deps, metaAt(AT), 'op-1', 'rq-1', 'no match');
    expect(answer).toMatchObject({ requestId: 'rq-1', status: 'declined', declinedAt: AT });
    expect(await codeOf(declineRequest(bench.deps, metaAt(AT), 'op-1', 'rq-1', 'again'))).toBe('REQUEST_NOT_OPEN');
    expect(await codeOf(deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS))).toBe('REQUEST_NOT_OPEN');
  });

  it('accessData records every read before decrypting, and enforces the purpose', async () => {
    expect(await codeOf(accessData(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', 'alert-holder'))).toBe('NO_DATA');
    const { datasetId } = await deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    // What happened, in order: an append counts once it is durable, a decryption as soon as it starts.
    const steps: string[] = [];
    const append = bench.store.append.bind(bench.store);
    jest.spyOn(bench.store, 'append').mockImplementation(async (stream, events, expected) => {
      const result = await append(stream, events, expected);
      steps.push(...events.map((e) => `appended ${e.type}`));
      return result;
    });
    const open = bench.vault.open.bind(bench.vault);
    jest.spyOn(bench.vault, 'open').mockImplementation(async (sealed) => {
      steps.push('decrypt');
      return open(sealed);
    });
    const read = await accessData(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', 'alert-holder');
    expect(read).toMatchObject({ datasetId, records: IDENTIFICATION_RECORDS });
    await accessData(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', 'alert-holder');
    expect(await codeOf(accessData(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', 'characterize-threat'))).toBe('PURPOSE_NOT_ALLOWED');
    expect(await typesOf(bench, 'rq-1')).toEqual(['RequestFiled', 'DataDelivered', 'DataAccessed', 'DataAccessed']);
    expect(steps).toEqual(['appended DataAccessed', 'decrypt', 'appended DataAccessed', 'decrypt']);
  });

  it('sendAlert checks the channel against the decrypted record and keeps only a digest of the message', async () => {
    expect(await codeOf(sendAlert(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', { recordIndex: 0, channel: 'email', message: 'm' }))).toBe('NO_DATA');
    await deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    await deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-2', TECHNICAL_RECORDS);
    const message = 'Your server 192.0.2.10 is part of a botnet';
    const { alertId } = await sendAlert(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', { recordIndex: 0, channel: 'email', message });
    expect(alertId).toMatch(/^[0-9a-f-]{36}$/);
    const alert = { recordIndex: 1, channel: 'email' as const, message };
    expect(await codeOf(sendAlert(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', alert))).toBe('CHANNEL_NOT_DELIVERED');
    expect(await codeOf(sendAlert(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', { ...alert, recordIndex: 5 }))).toBe('RECORD_NOT_FOUND');
    expect(await codeOf(sendAlert(bench.deps, metaAt(LATER), 'ag-1', 'rq-2', alert))).toBe('NOT_AN_IDENTIFICATION_REQUEST');
    expect(await codeOf(sendAlert(bench.deps, metaAt(LATER), 'ag-1', 'rq-9', alert))).toBe('NOT_FOUND');
    const { recorded } = await loadStream(bench.store, requestStream('rq-1'), requestDecider);
    const sent = recorded.find((e) => e.type === 'AlertSent');
    expect(sent?.data).toMatchObject({ alertId, recordIndex: 0, channel: 'email', messageSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(sent?.data)).not.toContain('botnet');
  });

  it('purgeData appends DataPurged, destroys the key; afterwards read, alert and purge are DATA_PURGED', async () => {
    expect(await codeOf(purgeData(bench.deps, metaAt(LATER), 'rq-1', 'done'))).toBe('NO_DATA');
    await deliverData(bench.deps, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    const { recorded } = await loadStream(bench.store, requestStream('rq-1'), requestDecider);
    const keyId = (recorded[1].data as { sealed: { keyId: string } }).sealed.keyId;
    const answer = await purgeData(bench.deps, metaAt(LATER, 'p-agent'), 'rq-1', 'purpose-fulfilled');
    expect(answer).toMatchObject({ purgedAt: LATER, overdue: false });
    expect(await bench.vault.has(keyId)).toBe('destroyed');
    const purged = (await loadStream(bench.store, requestStream('rq-1'), requestDecider)).recorded.at(-1);
    expect(purged?.data).toMatchObject({ reason: 'purpose-fulfilled', by: 'p-agent', keyId });
    expect(await codeOf(accessData(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', 'alert-holder'))).toBe('DATA_PURGED');
    const alert = { recordIndex: 0, channel: 'email' as const, message: 'm' };
    expect(await codeOf(sendAlert(bench.deps, metaAt(LATER), 'ag-1', 'rq-1', alert))).toBe('DATA_PURGED');
    expect(await codeOf(purgeData(bench.deps, metaAt(LATER), 'rq-1', 'again'))).toBe('DATA_PURGED');
  });
});
