/**
 * The read models speak one SQL, written with SQLite's `?` (and `@name`) parameters;
 * PostgreSQL numbers its own. Translated once per SQL text: folds repeat a few texts.
 */
export interface PgStatement {
  readonly text: string;
  /** For named parameters, the name bound to each `$n`; undefined for positional ones. */
  readonly names?: readonly string[];
  /** The text cut at each placeholder: `pieces[k]` precedes the k-th one, the last follows it. */
  readonly pieces: readonly string[];
  /** The 0-based index of `$n` at each placeholder, in text order. */
  readonly slots: readonly number[];
}

const cache = new Map<string, PgStatement>();

/** Rewrites `?` to `$1..$n` and `@name` to `$k`, leaving string literals, quoted identifiers and comments alone. */
export function toPgStatement(sql: string): PgStatement {
  const known = cache.get(sql);
  if (known) return known;
  let text = '';
  let piece = '';
  const pieces: string[] = [];
  const slots: number[] = [];
  let positional = 0;
  const names: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      text += sql.slice(i, end);
      piece += sql.slice(i, end);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      text += sql.slice(i, stop);
      piece += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      text += `$${++positional}`;
      pieces.push(piece);
      piece = '';
      slots.push(positional - 1);
      i++;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i))![1];
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      text += `$${index + 1}`;
      pieces.push(piece);
      piece = '';
      slots.push(index);
      i += name.length + 1;
    } else {
      text += c;
      piece += c;
      i++;
    }
  }
  pieces.push(piece);
  if (positional > 0 && names.length > 0) throw new Error('A statement mixes ? and @name parameters');
  const statement: PgStatement = names.length > 0 ? { text, names, pieces, slots } : { text, pieces, slots };
  cache.set(sql, statement);
  return statement;
}

/** Past the quote closing the one at `start` (a doubled quote is an escaped one). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

/** The values for `$1..$n`: bigints as decimal text (pg would refuse them), named ones in order. */
export function pgValues(statement: PgStatement, params: readonly unknown[] | Readonly<Record<string, unknown>> | undefined): unknown[] {
  if (params === undefined) return [];
  if (statement.names) {
    const named = params as Readonly<Record<string, unknown>>;
    return statement.names.map((n) => pgValue(named[n]));
  }
  return (params as readonly unknown[]).map(pgValue);
}

const pgValue = (v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v === undefined ? null : v);
