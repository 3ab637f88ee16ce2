import { Controller } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { sha256Hex, type Principal } from '@vigie/runtime';
import { ProblemException, type Problem } from '../http/problem';
import { ApiKeyGuard, type AuthenticatedRequest } from './api-key.guard';
import { Public, Roles } from './roles.decorator';

const AUDITOR: Principal = { id: 'p-auditor', role: 'auditor' };
const AGENT: Principal = { id: 'p-agent', role: 'agent', agentId: 'a-1' };
const principals = new Map([
  [sha256Hex('auditor-key'), AUDITOR],
  [sha256Hex('agent-key'), AGENT],
]);

@Roles('auditor')
@Controller()
class Routes {
  readReport(): void {}
  @Roles('agent')
  openRequest(): void {}
  @Public()
  health(): void {}
}
@Controller()
class Unguarded {
  anything(): void {}
}

type Handler = keyof Routes;

describe('ApiKeyGuard (Bearer API keys, by their sha256, and the route’s roles)', () => {
  const guard = new ApiKeyGuard(new Reflector(), principals);

  /** Runs the guard on a route with an Authorization header: true, or the problem it answered. */
  const check = (authorization: string | undefined, handler: Handler = 'readReport', controller: object = Routes): { verdict: boolean | Problem; request: AuthenticatedRequest } => {
    const request = { headers: authorization === undefined ? {} : { authorization } } as AuthenticatedRequest;
    const method = (controller === Routes ? Routes.prototype[handler] : Unguarded.prototype.anything) as () => void;
    try {
      return { verdict: guard.canActivate(new ExecutionContextHost([request, {}], controller as typeof Routes, method)), request };
    } catch (error) {
      if (error instanceof ProblemException) return { verdict: error.problem, request };
      throw error;
    }
  };
  const refused = (status: number, code: string) => expect.objectContaining({ status, code });

  it('lets a known key through to a route of its role and tells the request who it is', () => {
    const { verdict, request } = check('Bearer auditor-key');
    expect(verdict).toBe(true);
    expect(request.principal).toBe(AUDITOR);
  });

  it('takes the scheme in any case and the key between any blanks', () => {
    for (const header of ['bearer auditor-key', 'BEARER auditor-key', 'Bearer   auditor-key', 'Bearer\tauditor-key', 'Bearer auditor-key  ']) {
      expect({ header, verdict: check(header).verdict }).toEqual({ header, verdict: true });
    }
  });

  it('answers 401 UNAUTHENTICATED to a missing or malformed header, and names no principal', () => {
    for (const header of [undefined, '', 'auditor-key', 'Basic auditor-key', 'Bearer', 'Bearer ', 'Bearerauditor-key', 'x Bearer auditor-key', 'Bearer auditor-key extra']) {
      const { verdict, request } = check(header);
      expect({ header, verdict }).toEqual({ header, verdict: refused(401, 'UNAUTHENTICATED') });
      expect(request.principal).toBeUndefined();
    }
  });

  it('answers 401 UNAUTHENTICATED to an unknown key, and to a key hash sent as the key', () => {
    for (const header of ['Bearer not-a-key', `Bearer ${sha256Hex('auditor-key')}`]) {
      const { verdict, request } = check(header);
      expect(verdict).toEqual(refused(401, 'UNAUTHENTICATED'));
      expect(request.principal).toBeUndefined();
    }
  });

  it("answers 403 FORBIDDEN to a known key whose role the route does not allow, the handler's roles overriding the controller's", () => {
    const { verdict, request } = check('Bearer agent-key');
    expect(verdict).toEqual(refused(403, 'FORBIDDEN'));
    // The request log names who was refused.
    expect(request.principal).toBe(AGENT);
    expect(check('Bearer auditor-key', 'openRequest').verdict).toEqual(refused(403, 'FORBIDDEN'));
    expect(check('Bearer agent-key', 'openRequest').verdict).toBe(true);
  });

  it('refuses a route that names no role to every key, 403 FORBIDDEN', () => {
    for (const key of ['auditor-key', 'agent-key']) expect(check(`Bearer ${key}`, 'readReport', Unguarded).verdict).toEqual(refused(403, 'FORBIDDEN'));
  });

  it('lets anyone through to a public route, without a key or with a wrong one, and names no principal', () => {
    for (const header of [undefined, 'Bearer not-a-key']) {
      const { verdict, request } = check(header, 'health');
      expect(verdict).toBe(true);
      expect(request.principal).toBeUndefined();
    }
  });
});
