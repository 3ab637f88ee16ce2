import Database from 'better-sqlite3';
import { LimitedStatements, LITERAL_LIMITS_KEPT } from './sqlite-limit';

describe('LimitedStatements', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, s TEXT)');
    const insert = db.prepare('INSERT INTO t (n, s) VALUES (?, ?)');
    for (let n = 1; n <= 30; n++) insert.run(n, `row ${n}`);
  });
  afterEach(() => db.close());

  const numbers = (d: Database.Database): LimitedStatements =>
    new LimitedStatements(d, 'SELECT n FROM t WHERE n > ? ORDER BY n LIMIT ?', (s) => s.pluck(true));

  it('answers what the statement with a bound limit answers, its other parameters first', () => {
    const limited = numbers(db);
    const bound = db.prepare('SELECT n FROM t WHERE n > ? ORDER BY n LIMIT ?').pluck(true);
    for (const [after, limit] of [[0, 5], [27, 5], [30, 5], [3, 0], [10, 1]]) {
      expect(limited.all(limit, after)).toEqual(bound.all(after, limit));
    }
    expect(limited.all(2, 4)).toEqual([5, 6]);
  });

  it('prepares one statement per limit, and binds the limits past the ones it keeps', () => {
    const limited = numbers(db);
    limited.all(10, 0);
    limited.all(10, 5);
    limited.all(3, 0);
    expect(limited.literalLimits).toEqual([10, 3]);
    for (let limit = 1; limit <= LITERAL_LIMITS_KEPT + 4; limit++) expect(limited.all(limit, 0)).toHaveLength(limit);
    expect(limited.literalLimits).toHaveLength(LITERAL_LIMITS_KEPT);
    expect(limited.literalLimits).not.toContain(LITERAL_LIMITS_KEPT + 4);
    expect(limited.all(LITERAL_LIMITS_KEPT + 4, 25)).toEqual([26, 27, 28, 29, 30]);
    expect(limited.all(LITERAL_LIMITS_KEPT + 4, 2)).toHaveLength(LITERAL_LIMITS_KEPT + 4);
  });

  it('applies the configuration to every statement it prepares, bound or literal', () => {
    const limited = new LimitedStatements(db, 'SELECT n, s FROM t WHERE n > ? ORDER BY n LIMIT ?', (s) => s.raw(true));
    for (let limit = 1; limit <= LITERAL_LIMITS_KEPT + 1; limit++) expect(limited.all(limit, 0)[0]).toEqual([1, 'row 1']);
  });

  it('refuses a limit that is not a non-negative integer, and a statement without a final LIMIT ?', () => {
    const limited = numbers(db);
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => limited.all(bad, 0)).toThrow(new RangeError(`A limit is a non-negative integer (got ${bad})`));
    expect(limited.literalLimits).toEqual([]);
    expect(() => new LimitedStatements(db, 'SELECT n FROM t WHERE n > ?', (s) => s)).toThrow(/LIMIT \?/);
    expect(() => new LimitedStatements(db, 'SELECT n FROM t LIMIT ? OFFSET ?', (s) => s)).toThrow(/LIMIT \?/);
  });
});
