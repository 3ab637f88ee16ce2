import { SetMetadata } from '@nestjs/common';
import type { Role } from '@vigie/runtime';

export const ROLES_KEY = 'vigie:roles';
export const PUBLIC_KEY = 'vigie:public';

/** Roles allowed on a route; routes without it (and not @Public) are refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
