/**
 * A page of a list ordered by two text columns (a sort key, then a unique id), read
 * strictly after the last row served: a keyset, never an offset, so rows added meanwhile
 * before the cursor are not served again and none after it is skipped. The condition is
 * spelled out (no row-value comparison) to stay in the subset SQLite and PostgreSQL share.
 */
export interface Keyset {
  /** The (sort key, id) of the last row of the previous page. */
  readonly after?: readonly [string, string];
  /** Rows wanted; the query answers one more when a next page exists. */
  readonly limit: number;
}

export interface KeysetOrder {
  readonly key: string;
  readonly id: string;
  readonly direction: 'ASC' | 'DESC';
}

export const keysetCondition = (order: KeysetOrder, keyset: Keyset): { sql: string; params: unknown[] } => {
  if (keyset.after === undefined) return { sql: '1 = 1', params: [] };
  const op = order.direction === 'ASC' ? '>' : '<';
  const [key, id] = keyset.after;
  // Same rows as `key op k OR (key = k AND id op i)`, said with a bound on the key alone
  // first so that the index on (key, id) serves a range rather than a scan.
  return { sql: `${order.key} ${op}= ? AND (${order.key} ${op} ? OR ${order.id} ${op} ?)`, params: [key, key, id] };
};

/**
 * The limit is written in the SQL, not bound: SQLite (built with STAT4, as better-sqlite3
 * ships it) plans with a bound LIMIT's value, so binding it compiled the register's page
 * query again on every request. Pages take few sizes, each one statement in the cache.
 */
export const keysetTail = (order: KeysetOrder, keyset: Keyset): { sql: string; params: unknown[] } => {
  if (!Number.isSafeInteger(keyset.limit) || keyset.limit < 0) throw new RangeError(`A page limit is a non-negative integer (got ${keyset.limit})`);
  return { sql: `ORDER BY ${order.key} ${order.direction}, ${order.id} ${order.direction} LIMIT ${keyset.limit + 1}`, params: [] };
};
