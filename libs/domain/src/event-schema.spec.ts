import { EVENT_SCHEMA_VERSIONS, isVigieEventType, VIGIE_EVENT_TYPES } from './event-schema';
import { ADMIN_ROSTER_STREAM, agentStream, claimStream, HABILITATION_LISTS_STREAM, incidentStream, operatorStream, parseStreamId, principalStream, requestStream } from './streams';

describe('event schema', () => {
  it('lists every event type once, each at version 1', () => {
    expect(new Set(VIGIE_EVENT_TYPES).size).toBe(VIGIE_EVENT_TYPES.length);
    expect([...VIGIE_EVENT_TYPES].sort()).toEqual(Object.keys(EVENT_SCHEMA_VERSIONS).sort());
    expect(Object.values(EVENT_SCHEMA_VERSIONS).every((v) => v === 1)).toBe(true);
    expect(VIGIE_EVENT_TYPES).toHaveLength(21);
  });

  it('recognises stored type names only', () => {
    expect(isVigieEventType('DataDelivered')).toBe(true);
    expect(isVigieEventType('dataDelivered')).toBe(false);
    expect(isVigieEventType('toString')).toBe(false);
  });
});

describe('stream ids', () => {
  it('builds <kind>-<id> and parses it back', () => {
    expect(operatorStream('a')).toBe('operator-a');
    expect(agentStream('a')).toBe('agent-a');
    expect(incidentStream('a')).toBe('incident-a');
    expect(claimStream('a')).toBe('claim-a');
    expect(parseStreamId(requestStream('3f2a-9c'))).toEqual({ kind: 'request', id: '3f2a-9c' });
    expect(parseStreamId(HABILITATION_LISTS_STREAM)).toEqual({ kind: 'habilitation-lists', id: '' });
    expect(parseStreamId(principalStream('p-1'))).toEqual({ kind: 'principal', id: 'p-1' });
    expect(parseStreamId(ADMIN_ROSTER_STREAM)).toEqual({ kind: 'admin-roster', id: '' });
    expect(parseStreamId('request-')).toBeUndefined();
    expect(parseStreamId('$system')).toBeUndefined();
  });
});
