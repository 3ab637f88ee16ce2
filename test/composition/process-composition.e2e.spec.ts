import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ManualClock } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';
import type { ProjectionRunner, ReadModelStore } from '@vigie/projections';
import {
  EVENT_STORE,
  EventStoreModule,
  loadConfig,
  PROJECTION_RUNNER,
  READ_MODEL_STORE,
  ReadModelsModule,
  RetentionScheduler,
  VaultModule,
  WORKFLOW_DEPS,
  WorkflowModule,
  type VigieConfig,
} from '@vigie/runtime';
import { Vault } from '@vigie/vault';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { createApp } from '../../apps/api/src/app.factory';
import { IdempotencyStore } from '../../apps/api/src/idempotency/idempotency.store';
import { CliModule } from '../../apps/cli/src/cli.module';
import { WorkerHttpServer } from '../../apps/worker/src/worker-http.server';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';
import { tempDir, testPrincipals } from '../support/test-app';

const SHARED_MODULES = [EventStoreModule, VaultModule, ReadModelsModule, WorkflowModule];
const has = (context: INestApplicationContext, token: unknown): boolean => {
  try {
    context.get(token as never);
    return true;
  } catch {
    return false;
  }
};

/** Records, in order, the calls to `method` (still calling it). */
const recorder = (calls: string[]) => <T extends object>(target: T, method: keyof T & string, name: string): void => {
  const original = (target[method] as (...args: unknown[]) => unknown).bind(target);
  jest.spyOn(target, method as never).mockImplementation(((...args: unknown[]) => {
    calls.push(name);
    return original(...args);
  }) as never);
};

/** The api, the worker and the cli build their process from the same infrastructure modules. */
describe('process composition', () => {
  let dataDir: string;
  let config: (role: string) => VigieConfig;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');

  beforeEach(() => {
    dataDir = tempDir();
    config = (role) => loadConfig({ VIGIE_DATA_DIR: dataDir, PORT: '0', VIGIE_MASTER_KEY: 'ab'.repeat(32), VIGIE_ROLE: role });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the worker context resolves the runner, running every projection, and the retention scheduler', async () => {
    const worker = await startWorker(config('worker'), { clock });
    try {
      for (const module of SHARED_MODULES) expect(worker.context.get(module)).toBeInstanceOf(module);
      const runner = worker.context.get<ProjectionRunner | null>(PROJECTION_RUNNER);
      expect(runner?.status().map((s) => s.name)).toEqual(expect.arrayContaining(['register', 'agents', 'retention', 'oversight', 'compensation']));
      expect(worker.context.get(RetentionScheduler)).toBeInstanceOf(RetentionScheduler);
    } finally {
      await worker.stop();
    }
  });

  it('the api with VIGIE_ROLE=api resolves no runner and no scheduler, on the same modules', async () => {
    const app = await createApp({ config: config('api'), principals: testPrincipals(), clock, logger: false });
    await app.init();
    try {
      for (const module of SHARED_MODULES) expect(app.get(module)).toBeInstanceOf(module);
      expect(app.get(PROJECTION_RUNNER)).toBeNull();
      expect(has(app, RetentionScheduler)).toBe(false);
      expect(has(app, WORKFLOW_DEPS)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('the cli builds the log alone for reading it, and the workflow without runner nor scheduler for purge-due', async () => {
    const logOnly = await NestFactory.createApplicationContext(CliModule.forRoot(config('all'), { scope: 'log' }), { logger: false, abortOnError: false });
    expect(logOnly.get(EventStoreModule)).toBeInstanceOf(EventStoreModule);
    expect(has(logOnly, Vault)).toBe(false);
    await logOnly.close();
    // Reading the log opens no vault: no master key nor vault file appears.
    expect(existsSync(path.join(dataDir, 'vault.db'))).toBe(false);

    const workflow = await NestFactory.createApplicationContext(CliModule.forRoot(config('all'), { scope: 'workflow' }), { logger: false, abortOnError: false });
    for (const module of SHARED_MODULES) expect(workflow.get(module)).toBeInstanceOf(module);
    expect(workflow.get(PROJECTION_RUNNER)).toBeNull();
    expect(has(workflow, RetentionScheduler)).toBe(false);
    await workflow.close();
  });

  it('the api stops taking requests, then stops the scheduler and the runner, then closes every store', async () => {
    const app = await createApp({ config: config('all'), principals: testPrincipals(), clock, logger: false });
    await app.init();
    const calls: string[] = [];
    const record = recorder(calls);
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onClose', async () => {
      calls.push('http');
    });
    record(app.get(RetentionScheduler), 'stop', 'scheduler');
    record(app.get<ProjectionRunner>(PROJECTION_RUNNER), 'stop', 'runner');
    record(app.get<EventStore>(EVENT_STORE), 'close', 'store');
    record(app.get<ReadModelStore>(READ_MODEL_STORE), 'close', 'readStore');
    record(app.get(Vault), 'close', 'vault');
    record(app.get(IdempotencyStore), 'close', 'idempotency');

    await app.close();

    expect(calls[0]).toBe('http');
    expect(calls.slice(1, 3).sort()).toEqual(['runner', 'scheduler']);
    expect(calls.slice(3).sort()).toEqual(['idempotency', 'readStore', 'store', 'vault']);
  });

  it('the worker stops answering, then stops the scheduler and the runner, then closes every store', async () => {
    const worker: RunningWorker = await startWorker(config('worker'), { clock });
    const calls: string[] = [];
    const record = recorder(calls);
    const store = worker.context.get<EventStore>(EVENT_STORE);
    const readStore = worker.context.get<ReadModelStore>(READ_MODEL_STORE);
    const vault = worker.context.get(Vault);
    record(worker.context.get(WorkerHttpServer), 'beforeApplicationShutdown', 'http');
    record(worker.context.get(RetentionScheduler), 'stop', 'scheduler');
    record(worker.context.get<ProjectionRunner>(PROJECTION_RUNNER), 'stop', 'runner');
    record(store, 'close', 'store');
    record(readStore, 'close', 'readStore');
    record(vault, 'close', 'vault');

    await worker.stop();

    expect(calls[0]).toBe('http');
    expect(calls.slice(1, 3).sort()).toEqual(['runner', 'scheduler']);
    expect(calls.slice(3).sort()).toEqual(['readStore', 'store', 'vault']);
    await expect(store.headPosition()).rejects.toMatchObject({ name: 'StoreClosedError' });
    expect(readStore.isOpen).toBe(false);
    await expect(vault.has('any')).rejects.toThrow('The vault is closed');
  });

  it('refuses to start the worker on a port in use', async () => {
    const first = await startWorker(config('worker'), { clock });
    const busy = loadConfig({ VIGIE_DATA_DIR: dataDir, PORT: String(first.port), VIGIE_MASTER_KEY: 'ab'.repeat(32) });
    try {
      // One start-up line naming the variable, as for every bad setting.
      await expect(startWorker(busy, { clock })).rejects.toMatchObject({ variable: 'PORT', message: expect.stringMatching(/^PORT: .* already in use$/) });
    } finally {
      await first.stop();
    }
  });
});
