import { Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '@vigie/event-store';
import { Vault } from '@vigie/vault';
import { workflowDeps, type WorkflowDeps } from '@vigie/workflow';
import type { VigieConfig } from '../config/vigie-config';
import { EVENT_STORE, WORKFLOW_DEPS } from './tokens';

/**
 * The `WorkflowDeps` the use cases take (inject with `@Inject(WORKFLOW_DEPS)`): the log and the
 * vault only, since no command decides from a read model; the folds of long-lived streams
 * it caches are this app's own.
 */
@Module({})
export class WorkflowModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: WorkflowModule,
      global: true,
      providers: [
        {
          provide: WORKFLOW_DEPS,
          inject: [EVENT_STORE, Vault],
          useFactory: (store: EventStore, vault: Vault): WorkflowDeps =>
            workflowDeps({ store, vault, retention: config.retention, tariffs: config.tariffs }),
        },
      ],
      exports: [WORKFLOW_DEPS],
    };
  }
}
