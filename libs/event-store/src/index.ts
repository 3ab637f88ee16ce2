export * from './event-store.port';
export * from './event-store.errors';
export { canonicalJson } from './canonical-json';
export { chainHash, chainHashFromCanonical, GENESIS_HASH } from './hash-chain';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export type { CommitInfo } from './sqlite/group-commit.queue';
export { ChainVerifier } from './verify/chain-verifier';
export { assertEventPosition, isEventPosition } from './event-position';
