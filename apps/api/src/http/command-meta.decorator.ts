import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { newCommandId, type CommandMeta } from '@vigie/workflow';
import type { CommandRequest } from '../idempotency/idempotency.interceptor';

/**
 * The metadata every event of this command carries (docs/design.md): the actor, the
 * command id (derived from the Idempotency-Key when there is one), the request id as the
 * correlation id (the caller's X-Request-Id when usable, see request-id.ts) and the
 * instant from the injected clock.
 */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => {
  const request = ctx.switchToHttp().getRequest<CommandRequest>();
  const principal = request.principal;
  if (!principal) throw new Error('Meta used on a public route');
  if (!request.occurredAt) throw new Error('Meta used outside a POST command');
  const commandId = request.commandId ?? newCommandId();
  return {
    actor: { id: principal.id, role: principal.role },
    commandId,
    correlationId: request.id,
    occurredAt: request.occurredAt,
  };
});
