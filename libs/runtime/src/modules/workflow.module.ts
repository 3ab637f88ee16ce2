import { Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '@vigie/event-store';
import { listAgentIds, type ReadModelStore } from '@vigie/projections';
import { Vault } from '@vigie/vault';
import type { WorkflowDeps } from '@vigie/workflow';
import type { VigieConfig } from '../config/vigie-config';
import { ReadYourWrites } from './read-your-writes.service';
import { EVENT_STORE, READ_MODEL_STORE, WORKFLOW_DEPS } from './tokens';

/** The `WorkflowDeps` the use cases take (inject with `@Inject(WORKFLOW_DEPS)`). */
@Module({})
export class WorkflowModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: WorkflowModule,
      global: true,
      providers: [
        {
          provide: WORKFLOW_DEPS,
          inject: [EVENT_STORE, Vault, READ_MODEL_STORE, ReadYourWrites],
          useFactory: (store: EventStore, vault: Vault, readStore: ReadModelStore, reads: ReadYourWrites): WorkflowDeps => ({
            store,
            vault,
            retention: config.retention,
            tariffs: config.tariffs,
            agentIds: async () => {
              await reads.settle(await store.headPosition());
              return listAgentIds(readStore);
            },
          }),
        },
      ],
      exports: [WORKFLOW_DEPS],
    };
  }
}
