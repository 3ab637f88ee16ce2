import { keysetCondition, keysetTail, type KeysetOrder } from './keyset';

const order: KeysetOrder = { key: 'filed_at', id: 'request_id', direction: 'DESC' };

describe('keyset SQL', () => {
  it('writes the limit into the SQL, one row more than the page, and binds nothing for it', () => {
    expect(keysetTail(order, { limit: 100 })).toEqual({ sql: 'ORDER BY filed_at DESC, request_id DESC LIMIT 101', params: [] });
    expect(keysetTail({ ...order, direction: 'ASC' }, { limit: 0 })).toEqual({ sql: 'ORDER BY filed_at ASC, request_id ASC LIMIT 1', params: [] });
  });

  it('refuses a limit that is not a non-negative integer, since it is written into the SQL', () => {
    for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => keysetTail(order, { limit: bad })).toThrow(new RangeError(`A page limit is a non-negative integer (got ${bad})`));
    }
  });

  it('reads strictly after the last row served, the key bounded first', () => {
    expect(keysetCondition(order, { limit: 10 })).toEqual({ sql: '1 = 1', params: [] });
    expect(keysetCondition(order, { after: ['2026-03-01', 'r9'], limit: 10 })).toEqual({
      sql: 'filed_at <= ? AND (filed_at < ? OR request_id < ?)',
      params: ['2026-03-01', '2026-03-01', 'r9'],
    });
  });
});
