import { ManualClock, parseRetentionPeriod, requestStream } from '@vigie/domain';
import { AppendOutcomeUnknownError, StoreUnavailableError, type RecordedEvent } from '@vigie/event-store';
import { EventStoreDbEventStore } from '@vigie/event-store/eventstoredb';
import { FakeEsdbClient } from '@vigie/event-store/eventstoredb/testing/fake-esdb-client';
import { esdbErrors } from '@vigie/event-store/eventstoredb/testing/fake-esdb-faults';
import { FakeEsdbServer } from '@vigie/event-store/eventstoredb/testing/fake-esdb-server';
import { SqliteDataKeyStore, Vault } from '@vigie/vault';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newCommandId } from '../kernel/command-meta';
import { workflowDeps, type WorkflowDeps } from '../kernel/workflow-deps';
import { reconcileOrphanKeys } from '../retention/orphan-keys.reconciler';
import { deliverData } from './deliver-data';
import { openRecords } from './delivered-dataset';
import { identificationFiled, IDENTIFICATION_RECORDS, metaAt } from './data-use.fixtures';

const AT = '2026-02-01T10:00:00.000Z';
const HOUR = 60 * 60 * 1000;

/** The workflow on the EventStoreDB adapter over the fake server, with a dated vault. */
describe('deliverData when the append outcome is unknown (EventStoreDB fake)', () => {
  let dir: string;
  let server: FakeEsdbServer;
  let store: EventStoreDbEventStore;
  let vault: Vault;
  let clock: ManualClock;
  let deps: WorkflowDeps;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
    server = new FakeEsdbServer();
    store = new EventStoreDbEventStore(new FakeEsdbClient(server), { initialDelayMs: 0, maxDelayMs: 0 });
    clock = new ManualClock(AT);
    vault = await Vault.open({ keys: SqliteDataKeyStore.open({ path: path.join(dir, 'vault.db') }), masterKey: Buffer.alloc(32, 7), clock });
    deps = workflowDeps({ store, vault, retention: { identification: parseRetentionPeriod('P2Y'), technical: parseRetentionPeriod('P5Y') } });
    const filed = identificationFiled({ requestId: 'rq-1', operatorId: 'op-1' });
    await store.append(requestStream('rq-1'), [{ eventId: newCommandId(), type: filed.type, data: { ...filed.data }, metadata: {} }], 'no-stream');
  });
  afterEach(async () => {
    await store.close();
    await vault.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const delivered = async (): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const e of store.readStream(requestStream('rq-1'))) if (e.type === 'DataDelivered') out.push(e);
    return out;
  };

  it('commit then deadline, log unreadable: 503-class error, key kept; the retry answers the stored delivery and the data opens', async () => {
    const commandId = newCommandId();
    server.planAppendFault({ commit: true, error: esdbErrors.deadlineExceeded(), failingReads: 1 });
    const failure = await deliverData(deps, metaAt(AT, 'p-op', commandId), 'op-1', 'rq-1', IDENTIFICATION_RECORDS).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppendOutcomeUnknownError);
    expect(failure).toBeInstanceOf(StoreUnavailableError);

    // The retry comes a minute later: decided again it would carry another deadline.
    const retry = await deliverData(deps, metaAt('2026-02-01T10:01:00.000Z', 'p-op', commandId), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    const [stored] = await delivered();
    expect(await delivered()).toHaveLength(1);
    expect(retry).toEqual({ datasetId: stored?.data['datasetId'], retentionDeadline: stored?.data['retentionDeadline'], position: stored?.position });
    expect(retry.retentionDeadline).toBe('2028-02-01T10:00:00.000Z');
    const opened = await openRecords(vault, stored?.data['sealed'] as never);
    expect(opened).toEqual(IDENTIFICATION_RECORDS);
  });

  it('commit then deadline, log readable: the first answer is already the stored delivery', async () => {
    server.planAppendFault({ commit: true, error: esdbErrors.deadlineExceeded() });
    const answer = await deliverData(deps, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    const [stored] = await delivered();
    expect(answer.datasetId).toBe(stored?.data['datasetId']);
  });

  it('a retry racing its original reports the stored decision and discards its own key', async () => {
    const commandId = newCommandId();
    // The original is stored while the retry is between its read and its append.
    const original = deliverData(deps, metaAt(AT, 'p-op', commandId), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    const retry = deliverData(deps, metaAt('2026-02-01T10:00:05.000Z', 'p-op', commandId), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    const [a, b] = await Promise.all([original, retry]);
    const [stored] = await delivered();
    expect(await delivered()).toHaveLength(1);
    expect(a).toEqual(b);
    expect(a.retentionDeadline).toBe(stored?.data['retentionDeadline']);
    clock.set('2026-02-01T12:00:00.000Z');
    expect((await reconcileOrphanKeys(deps, '2026-02-01T12:00:00.000Z')).destroyed).toEqual([]);
  });

  it('an append dropped before commit leaves an orphan key that only the reconciliation destroys, after the safe delay', async () => {
    const commandId = newCommandId();
    server.planAppendFault({ commit: false, error: esdbErrors.deadlineExceeded(), failingReads: 1 });
    await expect(deliverData(deps, metaAt(AT, 'p-op', commandId), 'op-1', 'rq-1', IDENTIFICATION_RECORDS)).rejects.toBeInstanceOf(AppendOutcomeUnknownError);
    const retry = await deliverData(deps, metaAt(AT, 'p-op', commandId), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    const [stored] = await delivered();
    const liveKey = (stored?.data['sealed'] as { keyId: string }).keyId;

    expect(await reconcileOrphanKeys(deps, new Date(Date.parse(AT) + HOUR / 2))).toEqual({ dryRun: false, examined: 0, destroyed: [] });
    const later = new Date(Date.parse(AT) + 2 * HOUR);
    const dry = await reconcileOrphanKeys(deps, later, { dryRun: true });
    expect(dry.destroyed).toHaveLength(1);
    const report = await reconcileOrphanKeys(deps, later);
    expect(report.examined).toBe(2);
    expect(report.destroyed).toEqual([expect.objectContaining({ datasetId: retry.datasetId })]);
    expect(report.destroyed[0]?.keyId).not.toBe(liveKey);
    expect(await vault.has(liveKey)).toBe('active');
    expect(await openRecords(vault, stored?.data['sealed'] as never)).toEqual(IDENTIFICATION_RECORDS);
  });
});
