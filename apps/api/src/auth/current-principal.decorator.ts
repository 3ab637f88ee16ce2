import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@vigie/runtime';
import type { AuthenticatedRequest } from './api-key.guard';

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
