import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { newCommandId, type CommandMeta } from '@vigie/workflow';
import type { CommandRequest } from '../idempotency/idempotency.interceptor';

const CORRELATION = /^[\w.:-]{1,200}$/;

/**
 * The metadata every event of this command carries (DESIGN.md): the actor, the command id
 * (derived from the Idempotency-Key when there is one), a correlation id (X-Correlation-Id
 * when the caller sends a usable one) and the instant from the injected clock.
 */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => {
  const request = ctx.switchToHttp().getRequest<CommandRequest>();
  const principal = request.principal;
  if (!principal) throw new Error('Meta used on a public route');
  if (!request.occurredAt) throw new Error('Meta used outside a POST command');
  const commandId = request.commandId ?? newCommandId();
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION.test(header) ? header : commandId;
  return {
    actor: { id: principal.id, role: principal.role },
    commandId,
    correlationId,
    occurredAt: request.occurredAt,
  };
});
