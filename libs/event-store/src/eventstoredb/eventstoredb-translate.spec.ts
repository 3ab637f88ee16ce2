import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EventStoreError, StoreUnavailableError, WrongExpectedVersionError } from '../event-store.errors';
import {
  isSystemEvent,
  toActualRevision,
  toClientExpectedRevision,
  toPortError,
  toReadPosition,
  toRecordedEvent,
} from './eventstoredb-translate';

const created = new Date(0);

function allEvent(overrides: { streamId?: string; type?: string; metadata?: Record<string, unknown>; commit?: bigint }): AllStreamResolvedEvent {
  const commit = overrides.commit ?? 1234n;
  return {
    event: {
      streamId: overrides.streamId ?? 'request-1',
      id: '5f1c1b8e-6d0b-4c37-9a43-0c1e5c0f8a11',
      isJson: true,
      revision: 3n,
      type: overrides.type ?? 'RequestFiled',
      created,
      data: { requestId: 'r-1', count: 2 },
      metadata: overrides.metadata ?? { actor: { id: 'p-1' }, hash: 'a'.repeat(64) },
      position: { commit, prepare: commit },
    },
    commitPosition: commit,
  };
}

describe('EventStoreDB translation', () => {
  it('maps every expected revision to the client constant', () => {
    expect(toClientExpectedRevision('no-stream')).toBe(NO_STREAM);
    expect(toClientExpectedRevision('any')).toBe(ANY);
    expect(toClientExpectedRevision('stream-exists')).toBe(STREAM_EXISTS);
    expect(toClientExpectedRevision(7n)).toBe(7n);
  });

  it('translates the client WrongExpectedVersionError when the stream does not exist', () => {
    const clientError = new ClientWrongExpectedVersionError(undefined, { streamName: 'request-1', expected: 4n, current: NO_STREAM });
    const error = toPortError(clientError, 'request-1', 4n);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamId: 'request-1', expected: 4n, actual: 'no-stream' });
  });

  it('translates the client WrongExpectedVersionError with a bigint actual revision', () => {
    const clientError = new ClientWrongExpectedVersionError(undefined, { streamName: 'request-1', expected: NO_STREAM, current: 2n });
    const error = toPortError(clientError, 'request-1', 'no-stream');
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ expected: 'no-stream', actual: 2n });
  });

  it('guards odd actual versions and passes unknown errors through', () => {
    expect(toActualRevision(-1n)).toBe('no-stream');
    expect(toActualRevision(undefined)).toBe('no-stream');
    expect(toActualRevision(0n)).toBe(0n);
    const other = new Error('boom');
    expect(toPortError(other, 's', 'any')).toBe(other);
    expect(toPortError(new UnavailableError(undefined, 'down'), 's', 'any')).toBeInstanceOf(StoreUnavailableError);
  });

  it('addresses an event by its commit position, and the start as START', () => {
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition(0n)).toBe(START);
    expect(toReadPosition(99n)).toEqual({ commit: 99n, prepare: 99n });
  });

  it('turns a resolved $all event into a RecordedEvent with bigint revision and position', () => {
    expect(toRecordedEvent(allEvent({}))).toEqual({
      streamId: 'request-1',
      revision: 3n,
      position: 1234n,
      eventId: '5f1c1b8e-6d0b-4c37-9a43-0c1e5c0f8a11',
      type: 'RequestFiled',
      data: { requestId: 'r-1', count: 2 },
      metadata: { actor: { id: 'p-1' }, hash: 'a'.repeat(64) },
    });
  });

  it('reads the position of a stream read from the recorded event, not the missing commitPosition', () => {
    const resolved: ResolvedEvent = { event: { ...allEvent({ commit: 55n }).event!, position: { commit: 55n, prepare: 55n } } };
    expect(toRecordedEvent(resolved).position).toBe(55n);
  });

  it('refuses events without a usable position or with binary data', () => {
    const unknown: ResolvedEvent = { event: { ...allEvent({}).event!, position: { commit: 0xffff_ffff_ffff_ffffn, prepare: 0n } } };
    expect(() => toRecordedEvent(unknown)).toThrow(EventStoreError);
    const noPosition: ResolvedEvent = { event: { ...allEvent({}).event!, position: undefined } };
    expect(() => toRecordedEvent(noPosition)).toThrow(/22\.6/);
    const binary: ResolvedEvent = {
      event: { streamId: 's', id: 'x', isJson: false, revision: 0n, type: 'T', created, data: new Uint8Array([1]), metadata: undefined, position: { commit: 1n, prepare: 1n } },
    };
    expect(() => toRecordedEvent(binary)).toThrow(/not a JSON object/);
  });

  it('keeps a missing hash visible as an empty string so the chain check fails', () => {
    expect(toRecordedEvent(allEvent({ metadata: { actor: 'p' } })).metadata).toEqual({ actor: 'p', hash: '' });
  });

  it('recognises system streams, system types and dangling links', () => {
    expect(isSystemEvent(allEvent({}))).toBe(false);
    expect(isSystemEvent(allEvent({ streamId: '$stats-127.0.0.1:2113' }))).toBe(true);
    expect(isSystemEvent(allEvent({ type: '$metadata' }))).toBe(true);
    expect(isSystemEvent({ commitPosition: 1n })).toBe(true);
  });
});
