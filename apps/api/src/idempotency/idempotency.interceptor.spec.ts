import { HttpCode, HttpException, type CallHandler } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { DomainError, ManualClock } from '@vigie/domain';
import { StoreUnavailableError } from '@vigie/event-store';
import type { Principal } from '@vigie/runtime';
import { uuidFromSeed } from '@vigie/workflow';
import * as path from 'node:path';
import { lastValueFrom, of, throwError, type Observable } from 'rxjs';
import { tempDir } from '../../../../test/support/test-app';
import { problem, ProblemException, type Problem } from '../http/problem';
import { IdempotencyInterceptor, type CommandRequest } from './idempotency.interceptor';
import { IDEMPOTENCY_TTL_MS, type StoredResponse } from './idempotency.store';
import { NotReplayable } from './not-replayable.decorator';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

const AGENT: Principal = { id: 'p-agent', role: 'agent', agentId: 'a-1' };
const OTHER_AGENT: Principal = { id: 'p-agent2', role: 'agent', agentId: 'a-2' };

class Routes {
  file(): void {}
  @HttpCode(200)
  decide(): void {}
  @NotReplayable()
  read(): void {}
}

/** The controller behind the interceptor: counts its runs and answers (by default, the command id it was given). */
class Handler implements CallHandler {
  readonly runs: CommandRequest[] = [];
  request!: CommandRequest;
  constructor(private readonly answer: (request: CommandRequest) => Observable<unknown> = (request) => of({ id: request.commandId })) {}
  handle(): Observable<unknown> {
    this.runs.push({ ...this.request });
    return this.answer(this.request);
  }
}

describe('IdempotencyInterceptor (Idempotency-Key on the command routes)', () => {
  let store: SqliteIdempotencyStore;
  let clock: ManualClock;
  let interceptor: IdempotencyInterceptor;
  beforeEach(() => {
    store = new SqliteIdempotencyStore(path.join(tempDir(), 'idempotency.db'));
    clock = new ManualClock('2026-03-02T09:00:00.000Z');
    interceptor = new IdempotencyInterceptor(store, clock);
  });
  afterEach(() => store.close());

  interface Call {
    readonly key?: string | string[];
    readonly body?: unknown;
    readonly principal?: Principal;
    readonly url?: string;
    readonly method?: string;
    readonly route?: keyof Routes;
  }
  const requestFor = ({ key, body = { name: 'A' }, principal = AGENT, url = '/v1/requests', method = 'POST' }: Call): CommandRequest =>
    ({ method, url, body, principal, headers: key === undefined ? {} : { 'idempotency-key': key } }) as unknown as CommandRequest;

  /** One request through the interceptor: what the client gets (the body, or the problem thrown), and the request as the handler saw it. */
  const send = async (call: Call, handler?: Handler): Promise<{ answer: unknown; refused: boolean; request: CommandRequest; handler: Handler }> => {
    const request = requestFor(call);
    const next = handler ?? new Handler();
    next.request = request;
    const route = call.route ?? 'file';
    try {
      const answer = await lastValueFrom(interceptor.intercept(new ExecutionContextHost([request, {}], Routes, Routes.prototype[route]), next));
      return { answer, refused: false, request, handler: next };
    } catch (error) {
      if (error instanceof ProblemException) return { answer: error.problem, refused: true, request, handler: next };
      throw error;
    }
  };
  const peek = (principalId: string, key: string): Promise<StoredResponse | undefined> =>
    store.withKey(principalId, key, clock.now().getTime(), async ({ stored }) => stored);
  const refusal = (status: number, code: string) => expect.objectContaining({ status, code });

  it('runs a keyed command once and replays its answer, under a command id derived from the principal and the key', async () => {
    const handler = new Handler();
    const first = await send({ key: 'k-1' }, handler);
    const again = await send({ key: 'k-1' }, handler);
    const commandId = uuidFromSeed('idempotency:p-agent:k-1');
    expect(first.answer).toEqual({ id: commandId });
    expect(again.answer).toEqual({ id: commandId });
    expect(handler.runs).toHaveLength(1);
    expect(again.request.commandId).toBe(commandId);
    expect(await peek('p-agent', 'k-1')).toEqual({ requestHash: expect.stringMatching(/^[0-9a-f]{64}$/), status: 201, body: { id: commandId } });
  });

  it("remembers the route's own success status, and null for an answer without a body", async () => {
    await send({ key: 'k-200', route: 'decide' }, new Handler(() => of(undefined)));
    expect(await peek('p-agent', 'k-200')).toEqual(expect.objectContaining({ status: 200, body: null }));
  });

  it('stamps every POST with the instant of the injected clock', async () => {
    const { request } = await send({ key: 'k-1' });
    expect(request.occurredAt).toBe('2026-03-02T09:00:00.000Z');
    const unkeyed = await send({});
    expect(unkeyed.request.occurredAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('leaves a request other than a POST untouched', async () => {
    const { request, handler } = await send({ key: 'k-get', method: 'GET' });
    expect(request.commandId).toBeUndefined();
    expect(request.occurredAt).toBeUndefined();
    expect(handler.runs).toHaveLength(1);
    expect(await peek('p-agent', 'k-get')).toBeUndefined();
  });

  it('gives each call without a key a new command, and remembers nothing', async () => {
    const handler = new Handler();
    const a = await send({}, handler);
    const b = await send({}, handler);
    expect(handler.runs).toHaveLength(2);
    expect(a.request.commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.request.commandId).not.toBe(a.request.commandId);
  });

  it('never stores nor replays the answer of a @NotReplayable route, key or not', async () => {
    const handler = new Handler();
    const a = await send({ key: 'k-read', route: 'read' }, handler);
    const b = await send({ key: 'k-read', route: 'read' }, handler);
    expect(handler.runs).toHaveLength(2);
    expect(b.request.commandId).not.toBe(a.request.commandId);
    expect(b.request.commandId).not.toBe(uuidFromSeed('idempotency:p-agent:k-read'));
    expect(await peek('p-agent', 'k-read')).toBeUndefined();
  });

  it('keeps keys apart per principal: the same key and body from another principal is its own command', async () => {
    const first = await send({ key: 'shared' });
    const other = await send({ key: 'shared', principal: OTHER_AGENT });
    expect(other.handler.runs).toHaveLength(1);
    expect(other.answer).toEqual({ id: uuidFromSeed('idempotency:p-agent2:shared') });
    expect(other.answer).not.toEqual(first.answer);
  });

  it('takes the first of repeated Idempotency-Key headers', async () => {
    const first = await send({ key: ['k-a', 'k-b'] });
    expect(first.request.commandId).toBe(uuidFromSeed('idempotency:p-agent:k-a'));
  });

  it('takes keys of 1 to 200 characters, and answers 400 VALIDATION_FAILED to others without running the command', async () => {
    for (const key of ['k', 'x'.repeat(200)]) expect((await send({ key })).handler.runs).toHaveLength(1);
    for (const key of ['', 'x'.repeat(201)]) {
      const { answer, refused, handler } = await send({ key });
      expect({ answer, refused }).toEqual({ answer: refusal(400, 'VALIDATION_FAILED'), refused: true });
      expect((answer as Problem).errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
      expect(handler.runs).toHaveLength(0);
    }
  });

  it('answers 409 IDEMPOTENCY_KEY_REUSED to the key with another body or on another route, without running the command', async () => {
    await send({ key: 'k', body: { name: 'A', n: [1, 2] } });
    for (const call of [{ body: { name: 'B', n: [1, 2] } }, { body: { name: 'A', n: [2, 1] } }, { body: null }, { url: '/v1/operators', body: { name: 'A', n: [1, 2] } }]) {
      const { answer, refused, handler } = await send({ key: 'k', ...call });
      expect({ call, answer, refused }).toEqual({ call, answer: refusal(409, 'IDEMPOTENCY_KEY_REUSED'), refused: true });
      expect(handler.runs).toHaveLength(0);
    }
  });

  it('takes the same body with its members in another order as the same request', async () => {
    const first = await send({ key: 'k', body: { name: 'A', categories: ['hosting'] } });
    const again = await send({ key: 'k', body: { categories: ['hosting'], name: 'A' } });
    expect(again.handler.runs).toHaveLength(0);
    expect(again.answer).toEqual(first.answer);
  });

  it('takes a missing body as null', async () => {
    await send({ key: 'k-empty', body: undefined });
    const again = await send({ key: 'k-empty', body: null });
    expect(again.handler.runs).toHaveLength(0);
  });

  it('replays a refusal (4xx) as the same problem, without running the command again', async () => {
    const refused = problem(422, 'AGENT_NOT_HABILITATED', 'not on the list');
    const first = await send({ key: 'k-422' }, new Handler(() => throwError(() => new ProblemException(refused))));
    expect(first.answer).toEqual(refused);
    const again = await send({ key: 'k-422' });
    expect(again).toEqual(expect.objectContaining({ answer: refused, refused: true }));
    expect(again.handler.runs).toHaveLength(0);
    expect(await peek('p-agent', 'k-422')).toEqual(expect.objectContaining({ status: 422, body: refused }));
  });

  it('replays a 400 refusal of the command as a refusal, not as an answer', async () => {
    const invalid = problem(400, 'VALIDATION_FAILED', 'bad name', [{ field: 'name', message: 'too long' }]);
    const first = await send({ key: 'k-400' }, new Handler(() => throwError(() => new ProblemException(invalid))));
    expect(first.answer).toEqual(invalid);
    const again = await send({ key: 'k-400' });
    expect(again).toEqual(expect.objectContaining({ answer: invalid, refused: true }));
    expect(again.handler.runs).toHaveLength(0);
  });

  it('does not remember a 409 nor a 5xx: a retry with the key runs the command again', async () => {
    const failures = [new DomainError('OPERATOR_EXISTS', 'exists'), new HttpException('internal', 500), new StoreUnavailableError('the log is busy (test)')];
    for (const [i, failure] of failures.entries()) {
      const key = `k-fail-${i}`;
      await expect(send({ key }, new Handler(() => throwError(() => failure)))).rejects.toBe(failure);
      expect(await peek('p-agent', key)).toBeUndefined();
      expect((await send({ key })).handler.runs).toHaveLength(1);
    }
  });

  it('forgets a key after 24 hours: the same key then runs the command again', async () => {
    await send({ key: 'k-day' });
    clock.advanceMs(IDEMPOTENCY_TTL_MS + 1);
    expect((await send({ key: 'k-day', body: { name: 'other' } })).handler.runs).toHaveLength(1);
  });
});
