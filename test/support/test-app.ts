import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ManualClock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import type { ProjectionRunner, ReadModelStore } from '@vigie/projections';
import {
  ProjectionsStatus,
  READ_MODEL_STORE,
  EVENT_STORE,
  loadConfig,
  PROJECTION_RUNNER,
  ReadYourWrites,
  RetentionScheduler,
  sha256Hex,
  WORKFLOW_DEPS,
  type JsonLogger,
  type Principal,
  type VigieConfig,
} from '@vigie/runtime';
import { Vault } from '@vigie/vault';
import type { WorkflowDeps } from '@vigie/workflow';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';

export const KEYS = {
  admin: 'admin-key-for-tests',
  agent: 'agent-key-for-tests',
  agent2: 'agent2-key-for-tests',
  operator: 'operator-key-for-tests',
  operator2: 'operator2-key-for-tests',
  auditor: 'auditor-key-for-tests',
} as const;

export const IDS = {
  agent: '6f1c2a52-8a0e-4c53-9d0e-1a2b3c4d5e01',
  agent2: '6f1c2a52-8a0e-4c53-9d0e-1a2b3c4d5e02',
  operator: '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b301',
  operator2: '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b302',
} as const;

export const TEST_PRINCIPALS: readonly (Principal & { key: string })[] = [
  { id: 'p-admin', role: 'admin', key: KEYS.admin },
  { id: 'p-agent', role: 'agent', agentId: IDS.agent, key: KEYS.agent },
  { id: 'p-agent2', role: 'agent', agentId: IDS.agent2, key: KEYS.agent2 },
  { id: 'p-operator', role: 'operator', operatorId: IDS.operator, key: KEYS.operator },
  { id: 'p-operator2', role: 'operator', operatorId: IDS.operator2, key: KEYS.operator2 },
  { id: 'p-auditor', role: 'auditor', key: KEYS.auditor },
];

/** What the specs reach beside HTTP, resolved from the application's modules. */
export interface TestRuntime {
  readonly store: EventStore;
  readonly vault: Vault;
  readonly readStore: ReadModelStore;
  readonly deps: WorkflowDeps;
  /** Only where the app runs the projections (not with VIGIE_ROLE=api). */
  readonly runner: ProjectionRunner | undefined;
  readonly scheduler: RetentionScheduler | undefined;
  settle(position: bigint | undefined): Promise<void>;
  projectionsLag(): Promise<Record<string, bigint>>;
}

const optional = <T>(resolve: () => T): T | undefined => {
  try {
    return resolve();
  } catch {
    return undefined;
  }
};

export function testRuntime(app: INestApplicationContext): TestRuntime {
  const reads = app.get(ReadYourWrites);
  return {
    store: app.get<EventStore>(EVENT_STORE),
    vault: app.get(Vault),
    readStore: app.get<ReadModelStore>(READ_MODEL_STORE),
    deps: app.get<WorkflowDeps>(WORKFLOW_DEPS),
    runner: app.get<ProjectionRunner | null>(PROJECTION_RUNNER) ?? undefined,
    scheduler: optional(() => app.get(RetentionScheduler)),
    settle: (position) => reads.settle(position),
    projectionsLag: () => app.get(ProjectionsStatus).projectionsLag(),
  };
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly http: ReturnType<typeof request>;
  readonly clock: ManualClock;
  readonly runtime: TestRuntime;
  readonly dataDir: string;
  readonly config: VigieConfig;
  /** Closes the app, then removes the data dir it made (kept for a restart on the same dir with `keepDataDir`). */
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

/** The test principals, by the sha256 of their key, as the bootstrap file gives them. */
export const testPrincipals = (): ReadonlyMap<string, Principal> => new Map(TEST_PRINCIPALS.map(({ key, ...p }) => [sha256Hex(key), p as Principal]));

const madeDirs = new Set<string>();

const removeDir = (dir: string): void => {
  madeDirs.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
};

/** A fresh directory, removed at the latest once the spec file's tests are done. */
export const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
  madeDirs.add(dir);
  return dir;
};

// Each spec file loads this module afresh: whatever its tests made and did not remove goes with it.
if (typeof afterAll === 'function') afterAll(() => [...madeDirs].forEach(removeDir));

/** The real application on a temporary data dir, with a clock the test moves by hand. */
export async function startTestApp(
  options: {
    /** Merged over the test defaults; a variable given as undefined is unset. */
    env?: Record<string, string | undefined>;
    dataDir?: string;
    clock?: ManualClock;
    runProjections?: boolean;
    wrapEventStore?: (store: EventStore) => EventStore;
    /** Where the app's JSON log lines go (Nest's lines too); none without it. */
    log?: JsonLogger;
    /** The bootstrap file's principals, by key hash; default: the test principals. */
    principals?: ReadonlyMap<string, Principal>;
  } = {},
): Promise<TestApp> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? tempDir();
  const config = loadConfig({ VIGIE_DATA_DIR: dataDir, PORT: '0', VIGIE_MASTER_KEY: 'ab'.repeat(32), ...options.env });
  const clock = options.clock ?? new ManualClock('2026-03-02T09:00:00.000Z');
  const app = await createApp({
    config, principals: options.principals ?? testPrincipals(), clock, runProjections: options.runProjections ?? true,
    // The test moves the clock and calls runOnce(): a wall-clock interval would purge at moments no test chose.
    schedulerTimer: false,
    ...(options.wrapEventStore ? { wrapEventStore: options.wrapEventStore } : {}),
    ...(options.log ? { log: options.log } : { logger: false }),
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    runtime: testRuntime(app),
    dataDir,
    config,
    close: async ({ keepDataDir = false } = {}) => {
      await app.close();
      if (ownsDataDir && !keepDataDir) removeDir(dataDir);
    },
  };
}

export const bearer = (key: string): { Authorization: string } => ({ Authorization: `Bearer ${key}` });
