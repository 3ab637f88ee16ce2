import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { sha256Hex, type Principal, type Role } from '@vigie/runtime';
import type { FastifyRequest } from 'fastify';
import { fail } from '../http/problem';
import { PRINCIPALS, type PrincipalLookup } from './principals.token';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** Bearer API keys, compared by their sha256: missing or unknown key 401, wrong role 403. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PRINCIPALS) private readonly principals: PrincipalLookup,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) return fail(401, 'UNAUTHENTICATED', 'Send an API key as "Authorization: Bearer <key>".');
    const principal = this.principals.get(sha256Hex(match[1]));
    if (!principal) return fail(401, 'UNAUTHENTICATED', 'Unknown API key.');
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(principal.role)) return fail(403, 'FORBIDDEN', `The role ${principal.role} may not do this.`);
    return true;
  }
}
