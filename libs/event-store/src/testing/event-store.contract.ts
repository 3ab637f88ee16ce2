import type { EventStore } from '../event-store.port';
import { appendContract } from './append.contract';
import type { ContractContext, ContractFactory, ContractSubject } from './contract-fixtures';
import { durabilityContract } from './durability.contract';
import { readAllContract } from './read-all.contract';
import { readLastEventContract } from './read-last-event.contract';
import { subscriptionContract } from './subscription.contract';

/**
 * The behaviour every EventStore adapter must share (docs/design.md, "Event store
 * semantics"). Each test gets a fresh subject from `factory` and uses its own random
 * stream names, so the suite also runs against a shared server that is not empty.
 */
export function describeEventStoreContract(name: string, factory: ContractFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: ContractSubject | undefined;
    const ctx: ContractContext = {
      get subject(): ContractSubject {
        if (current === undefined) throw new Error('No contract subject outside a test');
        return current;
      },
      get store(): EventStore {
        return this.subject.store;
      },
    };

    beforeEach(async () => {
      current = await factory();
    });

    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    appendContract(ctx);
    readAllContract(ctx);
    readLastEventContract(ctx);
    subscriptionContract(ctx);
    durabilityContract(ctx);
  });
}
