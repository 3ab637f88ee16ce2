import { agentStream, HABILITATION_LISTS_STREAM, parseRetentionPeriod, requestStream, type RequestFiled } from '@vigie/domain';
import { identificationFiled, technicalFiled } from '@vigie/domain/request/request.fixtures';
import { SqliteEventStore } from '@vigie/event-store';
import { SqliteDataKeyStore, Vault } from '@vigie/vault';
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newCommandId, type CommandMeta } from '../kernel/command-meta';
import { workflowDeps, type WorkflowDeps } from '../kernel/workflow-deps';

/** An embedded store and a vault in a temporary directory, for the workflow integration specs. */
export interface DataUseBench {
  readonly deps: WorkflowDeps;
  readonly store: SqliteEventStore;
  readonly vault: Vault;
  readonly dir: string;
  close(): Promise<void>;
}

export const openBench = async (): Promise<DataUseBench> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
  const store = SqliteEventStore.open({ path: path.join(dir, 'events.db') });
  const vault = await Vault.open({ keys: SqliteDataKeyStore.open({ path: path.join(dir, 'vault.db') }), masterKey: Buffer.alloc(32, 7) });
  const deps = workflowDeps({
    store,
    vault,
    retention: { identification: parseRetentionPeriod('P2Y'), technical: parseRetentionPeriod('P5Y') },
  });
  return {
    deps,
    store,
    vault,
    dir,
    close: async () => {
      await store.close();
      await vault.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Data keys held in the bench's vault file, read behind the vault's back. */
export const storedKeyCount = (bench: DataUseBench): number => {
  const db = new Database(path.join(bench.dir, 'vault.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM data_keys').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

export const metaAt = (occurredAt: string, actorId = 'p-test', commandId = newCommandId()): CommandMeta => ({
  actor: { id: actorId, role: 'agent' },
  commandId,
  correlationId: commandId,
  occurredAt,
});

/** Files a request by appending its RequestFiled (the filing rules have their own specs). */
export const fileDirectly = async (bench: DataUseBench, event: RequestFiled): Promise<void> => {
  await bench.store.append(
    requestStream(event.data.requestId),
    [{ eventId: newCommandId(), type: event.type, data: { ...event.data }, metadata: { occurredAt: event.data.filedAt } }],
    'no-stream',
  );
};

export { identificationFiled, technicalFiled };

export const IDENTIFICATION_RECORDS = [
  { identifier: '192.0.2.10', identity: 'Jeanne Dupont', emailAddress: 'jeanne@example.org' },
  { identifier: '192.0.2.11', identity: 'Paul Durand' },
];
export const TECHNICAL_RECORDS = [{ category: 'traffic', values: { dstIp: '198.51.100.9', bytes: 1234 } }];

/**
 * Habilitates an agent and puts it on a new list sent to ARCEP, by appending both facts
 * (the habilitation rules have their own specs): every use of the data needs both.
 */
export const habilitateDirectly = async (bench: DataUseBench, agentId: string, habilitatedOn = '2026-01-01'): Promise<void> => {
  const data = { agentId, fullName: 'Test Agent', decisionRef: `PM-${agentId}`, habilitatedOn, at: `${habilitatedOn}T00:00:00.000Z` };
  await bench.store.append(agentStream(agentId), [{ eventId: newCommandId(), type: 'AgentHabilitated', data, metadata: {} }], 'any');
  const previous: { listVersion: number; agentIds: string[] }[] = [];
  for await (const e of bench.store.readStream(HABILITATION_LISTS_STREAM)) previous.push(e.data as { listVersion: number; agentIds: string[] });
  const last = previous.at(-1);
  const list = { listVersion: (last?.listVersion ?? 0) + 1, agentIds: [...(last?.agentIds ?? []), agentId], transmittedAt: data.at };
  await bench.store.append(HABILITATION_LISTS_STREAM, [{ eventId: newCommandId(), type: 'HabilitationListTransmitted', data: list, metadata: {} }], 'any');
};

/** Withdraws it, the same way. */
export const revokeDirectly = async (bench: DataUseBench, agentId: string, revokedAt: string): Promise<void> => {
  const data = { agentId, decisionRef: `PM-${agentId}`, reason: 'left the post', revokedAt };
  await bench.store.append(agentStream(agentId), [{ eventId: newCommandId(), type: 'AgentHabilitationRevoked', data, metadata: {} }], 'any');
};
