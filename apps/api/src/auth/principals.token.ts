import type { Principal } from '@vigie/runtime';

export const PRINCIPALS = Symbol('PRINCIPALS');
export type PrincipalDirectory = ReadonlyMap<string, Principal>;
