import type { Principal } from '@vigie/runtime';
import type { FilePrincipal } from '@vigie/workflow';
import type { PrincipalDirectory } from '../auth/principals.token';

/** The bootstrap file's principals without their key hashes, in id order. */
export const filePrincipals = (directory: PrincipalDirectory): (Principal & FilePrincipal)[] =>
  [...directory.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
