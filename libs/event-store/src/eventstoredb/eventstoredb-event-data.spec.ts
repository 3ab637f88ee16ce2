import { GENESIS_HASH, chainHash } from '../hash-chain';
import { toEventData } from './eventstoredb-event-data';

describe('EventStoreDB event data', () => {
  it('links each event of a batch to the previous hash and keeps the caller metadata', () => {
    const events = [
      { eventId: '11111111-1111-4111-8111-111111111111', type: 'A', data: { n: 1 }, metadata: { actor: 'p' } },
      { eventId: '22222222-2222-4222-8222-222222222222', type: 'B', data: { n: 2 }, metadata: { actor: 'q' } },
    ];
    const [first, second] = toEventData(GENESIS_HASH, events);
    const h1 = chainHash(GENESIS_HASH, 'A', { n: 1 }, { actor: 'p' });
    expect(first).toMatchObject({ id: events[0]!.eventId, type: 'A', contentType: 'application/json', data: { n: 1 }, metadata: { actor: 'p', hash: h1 } });
    expect(second?.metadata).toEqual({ actor: 'q', hash: chainHash(h1, 'B', { n: 2 }, { actor: 'q' }) });
  });

  it('continues from the stream head hash', () => {
    const head = 'f'.repeat(64);
    const [only] = toEventData(head, [{ eventId: '33333333-3333-4333-8333-333333333333', type: 'A', data: {}, metadata: {} }]);
    expect(only?.metadata).toEqual({ hash: chainHash(head, 'A', {}, {}) });
  });
});
