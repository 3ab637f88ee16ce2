import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requestDecider, requestStream, type OperatorCategory } from '@vigie/domain';
import { context, identificationFiling, operatorWith, sealed } from '@vigie/domain/request/request.fixtures';
import { SqliteEventStore } from '@vigie/event-store';
import type { Vault } from '@vigie/vault';
import { handleCommand } from '../kernel/command-handler';
import { uuidFromSeed, type CommandMeta } from '../kernel/command-meta';
import { workflowDeps, type WorkflowDeps } from '../kernel/workflow-deps';
import { ZERO_TARIFFS, type TariffTable } from './tariffs';

/** Test support for the claim use cases: an embedded store in a temporary directory, served requests. */
export const OCCURRED_AT = '2026-04-01T09:00:00.000Z';

let commands = 0;
export const metaFor = (commandId = uuidFromSeed(`claims-spec:${(commands += 1)}`), role = 'operator'): CommandMeta => ({
  actor: { id: `p-${role}`, role },
  commandId,
  correlationId: commandId,
  occurredAt: OCCURRED_AT,
});

export interface ClaimsWorld {
  readonly deps: WorkflowDeps;
  readonly store: SqliteEventStore;
  file(requestId: string, operatorId?: string, addresseeRole?: OperatorCategory): Promise<void>;
  decline(requestId: string, operatorId?: string): Promise<void>;
  deliver(requestId: string, recordCount: number, operatorId?: string): Promise<void>;
  close(): Promise<void>;
}

export const openClaimsWorld = (tariffs: TariffTable = ZERO_TARIFFS): ClaimsWorld => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
  const store = SqliteEventStore.open({ path: path.join(dir, 'events.db') });
  // Claims never touch the vault: a stand-in that fails loudly if one ever does.
  const vault = new Proxy({}, { get: () => { throw new Error('vault not available in claim specs'); } }) as Vault;
  const deps: WorkflowDeps = workflowDeps({ store, vault, retention: undefined as never, tariffs });
  const onRequest = async (requestId: string, command: Parameters<typeof requestDecider.decide>[0]): Promise<void> => {
    await handleCommand(store, requestStream(requestId), requestDecider, command, () => context({ operator: operatorWith('electronic-communications', 'hosting') }), metaFor());
  };
  return {
    deps,
    store,
    file: (requestId, operatorId = 'op-1', addresseeRole = 'electronic-communications') =>
      onRequest(requestId, { type: 'FileRequest', data: identificationFiling({ requestId, operatorId, addresseeRole }) }),
    decline: (requestId, operatorId = 'op-1') =>
      onRequest(requestId, { type: 'DeclineRequest', data: { operatorId, reason: 'no match', declinedAt: '2026-03-11T00:00:00.000Z' } }),
    deliver: (requestId, recordCount, operatorId = 'op-1') =>
      onRequest(requestId, {
        type: 'DeliverData',
        data: {
          operatorId,
          records: Array.from({ length: recordCount }, (_, i) => ({ identifier: '192.0.2.10', identity: `Holder ${i}` })),
          sealed: { ...sealed, datasetId: `ds-${requestId}` },
          deliveredAt: '2026-03-12T10:00:00.000Z',
          retentionDeadline: '2028-03-12T10:00:00.000Z',
        },
      }),
    close: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
