import type { SubscriptionFilter } from '../event-store.port';

/** The filter as extra conditions on the events table (empty when it lets everything through). */
export function filterClause(filter: SubscriptionFilter): { where: string; params: string[] } {
  let where = '';
  const params: string[] = [];
  const types = filter.eventTypes ?? [];
  if (types.length > 0) {
    where += ` AND type IN (${types.map(() => '?').join(', ')})`;
    params.push(...types);
  }
  const prefixes = filter.streamPrefixes ?? [];
  if (prefixes.length > 0) {
    // instr(...) = 1 is "starts with", exact for any character (LIKE would need escaping).
    where += ` AND (${prefixes.map(() => 'instr(stream_id, ?) = 1').join(' OR ')})`;
    params.push(...prefixes);
  }
  return { where, params };
}

/**
 * [prefix, first string after every string that starts with it] in SQLite's BINARY order
 * (UTF-8 bytes, that is code points): a range the (stream_id, revision) index can seek.
 * Undefined when there is no such bound (an empty prefix, or one ending in U+10FFFF).
 */
export function prefixRange(prefix: string): [string, string] | undefined {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) return undefined;
  const next = last.codePointAt(0)! + 1;
  if (next > 0x10ffff) return undefined;
  // Past the surrogate block the next code point is U+E000 (no string holds a lone surrogate).
  return [prefix, chars.join('') + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next)];
}
