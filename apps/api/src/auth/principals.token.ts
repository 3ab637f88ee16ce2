import type { Principal } from '@vigie/runtime';

/** The bootstrap file's principals by the sha256 of their key, as the process was started with. */
export const FILE_PRINCIPALS = Symbol('FILE_PRINCIPALS');
export type PrincipalDirectory = ReadonlyMap<string, Principal>;

/** Who holds a key now: the file's principals, then those the log enrolled and did not revoke. */
export const PRINCIPALS = Symbol('PRINCIPALS');
export interface PrincipalLookup {
  get(keySha256: string): Principal | undefined;
}
