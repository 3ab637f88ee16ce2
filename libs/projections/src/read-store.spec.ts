import { READERS_KEPT, ReadStore } from './read-store';

describe('ReadStore rows', () => {
  let store: ReadStore;
  beforeEach(() => {
    store = ReadStore.open({ path: ':memory:' });
    store.db.exec("CREATE TABLE t (a TEXT, b INTEGER, c TEXT); INSERT INTO t VALUES ('x', 1, NULL), ('y', 2, 'z')");
  });
  afterEach(() => store.close());

  it('answers each row as an object of its columns, in their order, nulls kept', () => {
    const rows = store.all<Record<string, unknown>>('SELECT * FROM t ORDER BY a');
    expect(rows).toEqual([
      { a: 'x', b: 1, c: null },
      { a: 'y', b: 2, c: 'z' },
    ]);
    expect(Object.keys(rows[0])).toEqual(['a', 'b', 'c']);
    expect(store.get('SELECT b, a FROM t WHERE a = ?', ['y'])).toEqual({ b: 2, a: 'y' });
    expect(store.get('SELECT * FROM t WHERE a = ?', ['none'])).toBeUndefined();
  });

  it('keeps the last value of a repeated column name, and a __proto__ column as an own key', () => {
    expect(store.get("SELECT a, b AS a FROM t WHERE a = 'x'")).toEqual({ a: 1 });
    const row = store.get<Record<string, unknown>>("SELECT a AS __proto__, b FROM t WHERE a = 'x'");
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('x');
    expect(row?.b).toBe(1);
  });

  it('reads the new columns of a table changed after forgetStatements', () => {
    expect(store.get('SELECT * FROM t WHERE a = ?', ['x'])).toEqual({ a: 'x', b: 1, c: null });
    store.db.exec('ALTER TABLE t ADD COLUMN d TEXT');
    store.forgetStatements();
    expect(store.get('SELECT * FROM t WHERE a = ?', ['x'])).toEqual({ a: 'x', b: 1, c: null, d: null });
  });

  it('keeps at most READERS_KEPT queries prepared, and still answers the ones it dropped', () => {
    for (let i = 0; i < READERS_KEPT + 10; i++) expect(store.all(`SELECT b FROM t ORDER BY a LIMIT ${i}`)).toHaveLength(Math.min(i, 2));
    expect(store.preparedReaders).toBe(READERS_KEPT);
    expect(store.all('SELECT b FROM t ORDER BY a LIMIT 0')).toEqual([]);
    expect(store.all('SELECT b FROM t ORDER BY a LIMIT 1')).toEqual([{ b: 1 }]);
  });

  it('leaves the statements of the folds as they were (objects, not arrays)', () => {
    store.all('SELECT * FROM t');
    expect(store.statement('SELECT * FROM t').get()).toEqual({ a: 'x', b: 1, c: null });
  });
});
