import { escapeLiteral } from 'pg';
import type { PgStatement } from './pg-placeholders';

// The driver's own conversion of a parameter to its text form (dates, arrays, JSON, buffers).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

/**
 * A statement with its values written in as literals, for sending many in one simple
 * query. The driver sends parameters as untyped text; an untyped quoted literal is read
 * by the server exactly the same way, so `'42'` lands in an integer column as `$1 = '42'`
 * would. Undefined when a value cannot be written safely in a query string (a NUL byte
 * would cut it): the caller then binds that statement's parameters as usual.
 */
export function inlineStatement(statement: PgStatement, values: readonly unknown[]): string | undefined {
  const { pieces, slots } = statement;
  let sql = pieces[0];
  for (let k = 0; k < slots.length; k++) {
    const literal = toLiteral(values[slots[k]]);
    if (literal === undefined) return undefined;
    sql += literal + pieces[k + 1];
  }
  return sql;
}

function toLiteral(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  const string = Buffer.isBuffer(text) ? `\\x${text.toString('hex')}` : String(text);
  return string.includes('\u0000') ? undefined : escapeLiteral(string);
}
