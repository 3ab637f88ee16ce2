import { CallHandler, ExecutionContext, HttpStatus, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { CLOCK, type Clock } from '@vigie/domain';
import { canonicalJson } from '@vigie/event-store';
import { newCommandId, uuidFromSeed } from '@vigie/workflow';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { fail, ProblemException } from '../http/problem';
import { ProblemFilter } from '../http/problem.filter';
import { IdempotencyStore, type KeySlot } from './idempotency.store';
import { NOT_REPLAYABLE_KEY } from './not-replayable.decorator';

export type CommandRequest = AuthenticatedRequest & { commandId?: string; occurredAt?: string };

/** Outcomes that a retry may legitimately change are not remembered. */
const remembered = (status: number): boolean => status < 500 && status !== HttpStatus.CONFLICT;

/**
 * Idempotency-Key on every POST: the same key and body return the first answer and
 * append nothing; the same key with another body is refused.
 * The command id is derived from the key, so even a crash between the append and
 * this record is recognised by the command handler on retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly problems = new ProblemFilter();

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<CommandRequest>();
    if (request.method !== 'POST') return next.handle();
    // One instant per command, from the injected clock: every event of the command carries it.
    request.occurredAt = this.clock.now().toISOString();
    const header = request.headers['idempotency-key'];
    // @NotReplayable routes answer plaintext records: never stored, never replayed, always a new command.
    const notReplayable = Reflect.getMetadata(NOT_REPLAYABLE_KEY, context.getHandler()) === true;
    if (header === undefined || notReplayable) {
      request.commandId = newCommandId();
      return next.handle();
    }
    const key = Array.isArray(header) ? header[0] : header;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      fail(400, 'VALIDATION_FAILED', 'Idempotency-Key must be 1 to 200 characters.', [
        { field: 'Idempotency-Key', message: 'must be 1 to 200 characters' },
      ]);
    }
    const principalId = request.principal?.id ?? 'anonymous';
    request.commandId = uuidFromSeed(`idempotency:${principalId}:${key}`);
    const successStatus = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    const hash = createHash('sha256').update(`${request.url}\n${canonicalJson(request.body ?? null)}`).digest('hex');
    // The store holds the key (in every replica) while the command runs: a concurrent retry waits, then replays.
    return from(this.store.withKey(principalId, key, this.clock.now().getTime(), (slot) => this.once(slot, hash, successStatus, next)));
  }

  private async once({ stored, save }: KeySlot, hash: string, successStatus: number, next: CallHandler): Promise<unknown> {
    if (stored) {
      if (stored.requestHash !== hash) {
        fail(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request body.');
      }
      if (stored.status >= 400) throw new ProblemException(stored.body as ProblemException['problem']);
      return stored.body;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const problem = this.problems.toProblem(error);
      if (remembered(problem.status)) await save({ requestHash: hash, status: problem.status, body: problem });
      throw error;
    }
    await save({ requestHash: hash, status: successStatus, body: body ?? null });
    return body;
  }
}
