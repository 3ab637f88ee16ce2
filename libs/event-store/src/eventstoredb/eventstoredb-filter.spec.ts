import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port';
import { matchesFilter, toServerFilter } from './eventstoredb-filter';

const event = (streamId: string, type: string): RecordedEvent => ({
  streamId,
  type,
  revision: 0n,
  position: 1n,
  eventId: 'e',
  data: {},
  metadata: { hash: '' },
});

describe('EventStoreDB subscription filters', () => {
  it('excludes system events when nothing is asked', () => {
    expect(toServerFilter(undefined)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
  });

  it('matches exact event types on the server, escaping regex characters', () => {
    expect(toServerFilter({ eventTypes: ['RequestFiled', 'A.B'] })).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?:RequestFiled|A\\.B)$' });
  });

  it('uses stream prefixes on the server when no type is given', () => {
    expect(toServerFilter({ streamPrefixes: ['request-'] })).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['request-'] });
  });

  it('re-checks both criteria exactly on the client', () => {
    const filter = { eventTypes: ['RequestFiled'], streamPrefixes: ['request-'] };
    expect(matchesFilter(event('request-1', 'RequestFiled'), filter)).toBe(true);
    expect(matchesFilter(event('request-1', 'RequestFiledLater'), filter)).toBe(false);
    expect(matchesFilter(event('agent-1', 'RequestFiled'), filter)).toBe(false);
    expect(matchesFilter(event('agent-1', 'Anything'), undefined)).toBe(true);
  });
});
