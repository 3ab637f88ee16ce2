export { describeEventStoreContract } from './event-store.contract';
export type { ContractContext, ContractFactory, ContractSubject } from './contract-fixtures';
export { collect, ids, newEvent, newEvents, readAllOf, take, uniquePrefix } from './contract-fixtures';
export { expectSoundChain } from './read-all.contract';
