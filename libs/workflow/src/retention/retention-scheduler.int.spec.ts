import { requestDecider, requestStream } from '@vigie/domain';
import { loadStream } from '../kernel/command-handler';
import { fileDirectly, metaAt, openBench, TECHNICAL_RECORDS, technicalFiled, type DataUseBench } from '../requests/data-use.fixtures';
import { deliverData } from '../requests/deliver-data';
import { purgeDue, RETENTION_EXPIRED, type DueDataset } from './retention-scheduler';

const DELIVERED = '2026-03-12T10:00:00.000Z';
const FIVE_YEARS_ON = '2031-03-12T10:00:01.000Z';

describe('purgeDue (retention scheduler)', () => {
  let bench: DataUseBench;
  let due: DueDataset[];
  let keyId: string;
  beforeEach(async () => {
    bench = await openBench();
    await fileDirectly(bench, technicalFiled({ requestId: 'rq-2', operatorId: 'op-1' }));
    const { datasetId } = await deliverData(bench.deps, metaAt(DELIVERED), 'op-1', 'rq-2', TECHNICAL_RECORDS);
    due = [{ requestId: 'rq-2', datasetId }];
    const { state } = await loadStream(bench.store, requestStream('rq-2'), requestDecider);
    keyId = state.status === 'delivered' ? state.delivery.keyId : '';
  });
  afterEach(async () => bench.close());

  it('does nothing before the deadline, even if told the dataset is due', async () => {
    const summary = await purgeDue(bench.deps, '2031-03-12T09:59:59.000Z', { dueDatasets: async () => due });
    expect(summary.purged).toEqual([]);
    expect(await bench.vault.has(keyId)).toBe('active');
  });

  it('purges ahead of a deadline that falls before the next run, so the purge is not overdue', async () => {
    const summary = await purgeDue(bench.deps, '2031-03-12T09:59:30.000Z', { dueDatasets: async () => due, horizonMs: 60_000 });
    expect(summary.purged).toEqual([expect.objectContaining({ requestId: 'rq-2', overdue: false })]);
    expect(await bench.vault.has(keyId)).toBe('destroyed');
  });

  it('does not purge a deadline beyond the horizon', async () => {
    const summary = await purgeDue(bench.deps, '2031-03-12T09:58:00.000Z', { dueDatasets: async () => due, horizonMs: 60_000 });
    expect(summary.purged).toEqual([]);
  });

  it('dry run reports and changes nothing', async () => {
    const summary = await purgeDue(bench.deps, FIVE_YEARS_ON, { dryRun: true, dueDatasets: async () => due });
    expect(summary).toMatchObject({ dryRun: true, purged: [{ requestId: 'rq-2', keyId }] });
    expect(await bench.vault.has(keyId)).toBe('active');
  });

  it('purges with reason retention-expired; two runs at once purge once, the loser does nothing', async () => {
    const [a, b] = await Promise.all([
      purgeDue(bench.deps, FIVE_YEARS_ON, { dueDatasets: async () => due }),
      purgeDue(bench.deps, FIVE_YEARS_ON, { dueDatasets: async () => due }),
    ]);
    expect(a.purged.length + b.purged.length).toBe(1);
    expect(a.alreadyPurged.length + b.alreadyPurged.length).toBe(1);
    expect(await bench.vault.has(keyId)).toBe('destroyed');
    const { recorded } = await loadStream(bench.store, requestStream('rq-2'), requestDecider);
    const purges = recorded.filter((e) => e.type === 'DataPurged');
    expect(purges).toHaveLength(1);
    expect(purges[0].data).toMatchObject({ reason: RETENTION_EXPIRED, by: 'retention-scheduler', overdue: true });
    const again = await purgeDue(bench.deps, FIVE_YEARS_ON, { dueDatasets: async () => due });
    expect(again.purged).toEqual([]);
  });

  it('reconciles a key left active by a crash between the append and the destroy', async () => {
    await bench.store.append(
      requestStream('rq-2'),
      [{ eventId: '1b0b3f1e-1f7a-4c55-9a57-3f1d8c2b7a10', type: 'DataPurged', data: { requestId: 'rq-2', datasetId: due[0].datasetId, keyId, reason: 'x', by: 'y', purgedAt: FIVE_YEARS_ON, retentionDeadline: FIVE_YEARS_ON, overdue: false }, metadata: {} }],
      'any',
    );
    expect(await bench.vault.has(keyId)).toBe('active');
    const summary = await purgeDue(bench.deps, FIVE_YEARS_ON, {
      dueDatasets: async () => [],
      purgedDatasets: async () => [{ ...due[0], keyId }],
    });
    expect(summary.reconciled).toEqual([{ ...due[0], keyId }]);
    expect(await bench.vault.has(keyId)).toBe('destroyed');
  });
});
