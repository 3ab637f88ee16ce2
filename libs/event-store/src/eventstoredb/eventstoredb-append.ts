import { FORWARDS, NO_STREAM, type AppendExpectedRevision, type AppendResult as ClientAppendResult } from '@eventstore/db-client';
import { AppendTooLargeError, DuplicateEventError, EventStoreError, WrongExpectedVersionError } from '../event-store.errors';
import type { AppendResult, EventToAppend, ExpectedRevision, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { appendBytes, DEFAULT_MAX_APPEND_BYTES } from './eventstoredb-append-size';
import { toEventData } from './eventstoredb-event-data';
import { collect, readAt, readStreamEvents, readTail, type EsdbClient } from './eventstoredb-reads';
import { isClientWrongExpectedVersion, toClientExpectedRevision, toPortError } from './eventstoredb-translate';

/** 'any' and 'stream-exists' are pinned to the revision we read; a race is retried this often. */
const MAX_ATTEMPTS = 5;

/** What to send: the chain's previous hash and the exact revision the server must find. */
type AppendPlan =
  | { readonly kind: 'write'; readonly previousHash: string; readonly expected: AppendExpectedRevision; readonly headKnown: boolean }
  | { readonly kind: 'done'; readonly result: AppendResult };

/**
 * Appends with the hash chain. The chain must never fork, so the server is always asked
 * for the precise revision whose hash we linked to, even when the caller said 'any'.
 * Idempotency: EventStoreDB itself answers success without writing when the same event
 * ids are appended again at the same expected revision; we then return the same result.
 */
export async function appendChained(
  client: EsdbClient,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  maxAppendBytes: number = DEFAULT_MAX_APPEND_BYTES,
): Promise<AppendResult> {
  if (events.length === 0) return checkOnly(client, streamId, expected);
  for (let attempt = 1; ; attempt++) {
    const plan = await planAppend(client, streamId, events, expected);
    if (plan.kind === 'done') return plan.result;
    const data = toEventData(plan.previousHash, events);
    const size = appendBytes(data);
    if (size > maxAppendBytes) throw new AppendTooLargeError(streamId, size, maxAppendBytes);
    try {
      const result = await client.appendToStream(streamId, data, { expectedRevision: plan.expected });
      return await toAppendResult(client, streamId, result, plan.headKnown);
    } catch (error) {
      const floating = expected === 'any' || expected === 'stream-exists';
      if (floating && isClientWrongExpectedVersion(error) && attempt < MAX_ATTEMPTS) continue;
      throw toPortError(error, streamId, expected, size);
    }
  }
}

/** An empty batch writes nothing but still checks the expectation (as the SQLite adapter does). */
async function checkOnly(client: EsdbClient, streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
  const [head] = await readTail(client, streamId, 1);
  const actual = head?.revision ?? 'no-stream';
  const ok = expected === 'any' || (expected === 'stream-exists' ? head !== undefined : expected === actual);
  if (!ok) throw new WrongExpectedVersionError(streamId, expected, actual);
  return { nextExpectedRevision: head?.revision ?? -1n, position: head?.position ?? 0n };
}

async function planAppend(
  client: EsdbClient,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<AppendPlan> {
  if (typeof expected === 'bigint') {
    // The event at the expected revision gives the previous hash; one more tells us whether
    // the stream already went further (an idempotent retry, or a conflict the server reports).
    const found = expected >= 0n ? await readAt(client, streamId, expected, 2) : [];
    const base = found[0];
    if (base === undefined || base.revision !== expected) {
      const [head] = await readTail(client, streamId, 1);
      throw new WrongExpectedVersionError(streamId, expected, head?.revision ?? 'no-stream');
    }
    return { kind: 'write', previousHash: base.metadata.hash, expected, headKnown: found.length === 1 };
  }
  const [head] = await readTail(client, streamId, 1);
  switch (expected) {
    case 'no-stream':
      return { kind: 'write', previousHash: GENESIS_HASH, expected: toClientExpectedRevision(expected), headKnown: head === undefined };
    case 'stream-exists':
    case 'any': {
      if (head === undefined) {
        if (expected === 'stream-exists') throw new WrongExpectedVersionError(streamId, expected, 'no-stream');
        return { kind: 'write', previousHash: GENESIS_HASH, expected: NO_STREAM, headKnown: true };
      }
      const retried = await findRetriedBatch(client, streamId, events);
      if (retried !== undefined) return { kind: 'done', result: retried };
      return { kind: 'write', previousHash: head.metadata.hash, expected: head.revision, headKnown: true };
    }
    default: {
      const unreachable: never = expected;
      throw new EventStoreError(`Unexpected expected revision ${String(unreachable)}`);
    }
  }
}

/**
 * With 'any' the server recognises a retry only through its in-memory id cache, lost on
 * a restart or a leader change, and would then write the batch again. So the stream is
 * searched for the batch's first id wherever it sits (events may have been appended
 * after it): found with the rest in order, it is the retry and answers the original
 * revision and position; found otherwise, the ids are reused elsewhere.
 */
async function findRetriedBatch(client: EsdbClient, streamId: string, events: readonly EventToAppend[]): Promise<AppendResult | undefined> {
  const firstId = events[0]?.eventId;
  const stream = await collect(readStreamEvents(client, streamId, { fromRevision: 0n, direction: FORWARDS }));
  const start = stream.findIndex((e) => e.eventId === firstId);
  if (start < 0) return undefined;
  const batch = stream.slice(start, start + events.length);
  if (batch.length !== events.length || !batch.every((e, i) => e.eventId === events[i]?.eventId)) {
    throw new DuplicateEventError(firstId ?? '');
  }
  const last = batch[batch.length - 1] as RecordedEvent;
  return { nextExpectedRevision: last.revision, position: last.position };
}

/**
 * A fresh write reports the commit position of its last event (the same value $all
 * gives that event). When the server answered an idempotent retry, or did not report
 * a position, the last event of the batch is read back to return its stored position.
 */
async function toAppendResult(
  client: EsdbClient,
  streamId: string,
  result: ClientAppendResult,
  headKnown: boolean,
): Promise<AppendResult> {
  const nextExpectedRevision = result.nextExpectedRevision;
  if (headKnown && result.position !== undefined) return { nextExpectedRevision, position: result.position.commit };
  const [last] = await readAt(client, streamId, nextExpectedRevision, 1);
  if (last === undefined) throw new EventStoreError(`Appended event ${String(nextExpectedRevision)} of ${streamId} cannot be read back`);
  return { nextExpectedRevision, position: last.position };
}
