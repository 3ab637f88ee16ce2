import { applyDecorators, Post, UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * A POST command route: the command's instant and id, and its Idempotency-Key, are
 * handled by the IdempotencyInterceptor on these routes only. Bound per route rather than
 * globally because Nest runs every interceptor inside rxjs and two AsyncResource bindings
 * per call: on the queries (GET) that cost was paid for nothing.
 */
export const CommandPost = (path?: string): MethodDecorator => applyDecorators(Post(path), UseInterceptors(IdempotencyInterceptor));
