import { requestDecider, requestStream } from '@vigie/domain';
import { PgDatabase } from '@vigie/postgres';
import { KeyDestroyedError, openDataKeyStore, Vault, type SealedDataset } from '@vigie/vault';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/postgres';
import { loadStream } from '../kernel/command-handler';
import type { WorkflowDeps } from '../kernel/workflow-deps';
import { accessData } from './access-data';
import {
  fileDirectly,
  habilitateDirectly,
  IDENTIFICATION_RECORDS,
  identificationFiled,
  metaAt,
  openBench,
  storedKeyCount,
  type DataUseBench,
} from './data-use.fixtures';
import { deliverData } from './deliver-data';
import { purgeData } from './purge-data';

const AT = '2026-03-12T10:00:00.000Z';
const LATER = '2026-03-13T10:00:00.000Z';

/**
 * Two API replicas, one log, one shared database for the vault: what one delivers the
 * other reads, and a purge on either destroys the key for both (L2321-3 al. 2).
 */
describe('delivery and purge across two replicas sharing PostgreSQL', () => {
  let bench: DataUseBench;
  let database: TestDatabase;
  const pools: PgDatabase[] = [];
  const vaults: Vault[] = [];

  const replica = async (): Promise<WorkflowDeps & { vault: Vault }> => {
    const pool = await PgDatabase.connect({ url: database.url, max: 2 });
    pools.push(pool);
    const vault = await Vault.open({ keys: await openDataKeyStore({ dataDir: bench.dir, database: pool }), masterKey: Buffer.alloc(32, 7) });
    vaults.push(vault);
    return { ...bench.deps, vault };
  };

  beforeEach(async () => {
    bench = await openBench();
    database = await createTestDatabase();
    await fileDirectly(bench, identificationFiled({ requestId: 'rq-1', operatorId: 'op-1' }));
    await habilitateDirectly(bench, 'ag-1');
  });
  afterEach(async () => {
    await Promise.all(vaults.splice(0).map((v) => v.close()));
    await Promise.all(pools.splice(0).map((p) => p.close()));
    await database.drop();
    await bench.close();
  });

  it('reads on B what A delivered; a purge on B destroys the key A holds', async () => {
    const [a, b] = [await replica(), await replica()];
    await deliverData(a, metaAt(AT), 'op-1', 'rq-1', IDENTIFICATION_RECORDS);
    expect(storedKeyCount(bench)).toBe(0);
    expect((await accessData(b, metaAt(LATER), 'ag-1', 'rq-1', 'alert-holder')).records).toEqual(IDENTIFICATION_RECORDS);

    await purgeData(b, metaAt(LATER, 'p-agent'), 'rq-1', 'purpose-fulfilled');

    const { recorded } = await loadStream(bench.store, requestStream('rq-1'), requestDecider);
    const sealed = (recorded.find((e) => e.type === 'DataDelivered')?.data as unknown as { sealed: SealedDataset }).sealed;
    expect(await a.vault.has(sealed.keyId)).toBe('destroyed');
    await expect(a.vault.open(sealed)).rejects.toThrow(KeyDestroyedError);
  });
});
