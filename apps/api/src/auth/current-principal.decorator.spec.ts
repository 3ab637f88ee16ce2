import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Principal } from '@vigie/runtime';
import type { AuthenticatedRequest } from './api-key.guard';
import { CurrentPrincipal } from './current-principal.decorator';

class Routes {
  handle(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}

/** What Nest would hand the handler as its @CurrentPrincipal() argument for this request. */
const resolve = (request: Partial<AuthenticatedRequest>): Principal => {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Routes, 'handle') as Record<string, { factory: (data: unknown, ctx: ExecutionContext) => Principal }>;
  const [param] = Object.values(args);
  return param!.factory(undefined, new ExecutionContextHost([request, {}], Routes, Routes.prototype.handle));
};

describe('@CurrentPrincipal()', () => {
  it('hands the handler the principal the guard set on the request', () => {
    const principal: Principal = { id: 'p-agent', role: 'agent', agentId: 'a-1' };
    expect(resolve({ principal })).toBe(principal);
  });

  it('throws on a request no guard authenticated: a public route must not act as anyone', () => {
    expect(() => resolve({})).toThrow('CurrentPrincipal used on a public route');
  });
});
