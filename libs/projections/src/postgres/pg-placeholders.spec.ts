import { pgValues, toPgStatement } from './pg-placeholders';

describe('PostgreSQL placeholders', () => {
  it('numbers ? in order, outside string literals, quoted identifiers and comments', () => {
    const sql = `SELECT 'a?''b?' AS "c?", ? AS x -- why?\nFROM t WHERE y = ? AND z IN (?, ?)`;
    expect(toPgStatement(sql).text).toBe(`SELECT 'a?''b?' AS "c?", $1 AS x -- why?\nFROM t WHERE y = $2 AND z IN ($3, $4)`);
  });

  it('binds @name parameters by name, once per name, and refuses a mix of both kinds', () => {
    const statement = toPgStatement('UPDATE t SET a = @a, b = @b WHERE a <> @a');
    expect(statement.text).toBe('UPDATE t SET a = $1, b = $2 WHERE a <> $1');
    expect(pgValues(statement, { b: 2, a: 1 })).toEqual([1, 2]);
    expect(() => toPgStatement('SELECT ?, @a')).toThrow(/mixes/);
  });

  it('sends bigints as decimal text and undefined as null', () => {
    expect(pgValues(toPgStatement('SELECT ?, ?'), [2n ** 63n - 1n, undefined])).toEqual(['9223372036854775807', null]);
  });
});
