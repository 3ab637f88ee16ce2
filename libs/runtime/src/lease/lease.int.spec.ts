import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/postgres';
import { finished, spawnTs, waitForOutput } from '../../../../test/support/spawn-ts';
import { DataDirLease } from './data-dir.lease';
import type { PollingLease } from './lease';
import { PgAdvisoryLease } from './pg-advisory.lease';

jest.setTimeout(90_000);

/** Waits for a condition; the bound only keeps a broken lease from hanging the run. */
const until = async (condition: () => boolean, what: string, boundMs = 20_000): Promise<void> => {
  for (const start = Date.now(); !condition(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - start > boundMs) throw new Error(`still waiting for ${what}`);
  }
};

interface Kind {
  readonly name: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** The arguments of the holder process. */
  holderArgs(name: string): string[];
  lease(name: string, applicationName?: string): PollingLease;
}

const pgKind = (): Kind => {
  let database: TestDatabase;
  return {
    name: 'PgAdvisoryLease',
    setUp: async () => void (database = await createTestDatabase()),
    tearDown: () => database.drop(),
    holderArgs: (name) => ['pg', database.url, name],
    lease: (name, applicationName) => new PgAdvisoryLease({ url: database.url, name, retryMs: 100, applicationName }),
  };
};

const dataDirKind = (): Kind => {
  let dataDir = '';
  return {
    name: 'DataDirLease',
    setUp: async () => void (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-lease-'))),
    tearDown: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    holderArgs: (name) => ['data-dir', dataDir, name],
    lease: (name) => new DataDirLease({ dataDir, name, retryMs: 100 }),
  };
};

describe.each([pgKind(), dataDirKind()])('$name', (kind) => {
  const leases: PollingLease[] = [];
  let child: ChildProcessWithoutNullStreams | undefined;
  const lease = (name: string, applicationName?: string): PollingLease => {
    const l = kind.lease(name, applicationName);
    leases.push(l);
    return l;
  };
  /** Started, and seen trying at least twice without getting it. */
  const standingBy = async (l: PollingLease): Promise<void> => {
    l.start();
    await until(() => l.attempts >= 2, 'two attempts of the standby');
  };

  beforeEach(() => kind.setUp());
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = finished(child);
      child.kill('SIGKILL');
      await exited;
    }
    child = undefined;
    await Promise.all(leases.splice(0).map((l) => l.stop()));
    await kind.tearDown();
  });

  it('passes to the standby when the holder process is killed (SIGKILL)', async () => {
    child = spawnTs('libs/runtime/src/lease/lease-holder.fixture.ts', kind.holderArgs('projections'), {});
    const exited = finished(child);
    await waitForOutput(child, /acquired/, 60_000);
    const standby = lease('projections');
    let acquired = 0;
    standby.on('acquired', () => (acquired += 1));
    await standingBy(standby);
    expect(standby.held).toBe(false);
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    await until(() => standby.held, 'the standby to take over');
    expect(acquired).toBe(1);
  });

  it('lets a standby take over once the holder stops', async () => {
    const holder = lease('retention');
    holder.start();
    await until(() => holder.held, 'the first holder');
    const standby = lease('retention');
    await standingBy(standby);
    expect(standby.held).toBe(false);
    await holder.stop();
    expect(holder.held).toBe(false);
    await until(() => standby.held, 'the standby to take over');
  });

  it('keeps leases of different names apart', async () => {
    const projections = lease('projections');
    const retention = lease('retention');
    projections.start();
    retention.start();
    await until(() => projections.held && retention.held, 'both leases');
  });
});

describe('PgAdvisoryLease on a lost connection', () => {
  let database: TestDatabase;
  let lease: PgAdvisoryLease | undefined;
  beforeEach(async () => void (database = await createTestDatabase()));
  afterEach(async () => {
    await lease?.stop();
    await database.drop();
  });

  it('reports the lease lost, then takes it again through a new session', async () => {
    lease = new PgAdvisoryLease({ url: database.url, name: 'projections', retryMs: 100, applicationName: 'lease-under-test' });
    const events: string[] = [];
    lease.on('acquired', () => events.push('acquired'));
    lease.on('lost', () => events.push('lost'));
    lease.start();
    await until(() => events.length === 1, 'the first acquisition');
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lease-under-test'");
    } finally {
      await admin.end();
    }
    await until(() => events.length === 3, 'lost, then acquired again');
    expect(events).toEqual(['acquired', 'lost', 'acquired']);
    expect(lease.held).toBe(true);
  });
});
