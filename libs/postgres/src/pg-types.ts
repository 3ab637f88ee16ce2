import { types } from 'pg';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * node-postgres hands back BIGINT and NUMERIC as strings, SQLite hands back numbers: the
 * read models share one set of queries, so both dialects must answer with numbers. Money
 * is in cents and counts are small, far below 2^53; a larger value is refused rather than
 * rounded.
 */
const exactNumber = (text: string): number => {
  const n = Number(text);
  if (!Number.isSafeInteger(n) && !(Number.isFinite(n) && !/^-?\d+$/.test(text))) {
    throw new RangeError(`PostgreSQL returned ${text}, beyond the integers a JavaScript number holds exactly`);
  }
  return n;
};

/** The type parsers of every Vigie pool (passed per pool, so other users of `pg` keep theirs). */
export const vigieTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8 || oid === NUMERIC) return exactNumber;
    return types.getTypeParser(oid, format as 'text');
  },
};
