import type { Projection } from '../projection';
import { projectionBackend } from '../projection-backend';
import type { PgReadStore } from '../postgres/pg-read-store';
import type { ReadModelStore } from '../read-model-store';
import type { ReadStore } from '../read-store';
import type { BatchWriter } from '../read-store-writer';
import { RecordingTx, type RecordedPart } from '../recording-tx';

/** One read store under test: the port, the store a runner writes, and how to dispose of both. */
export interface ContractSubject {
  readonly readStore: ReadModelStore;
  readonly runnerStore: ReadStore | PgReadStore;
  close(): Promise<void>;
}

const ledger = (name: string, version = 1): Projection => ({
  name,
  version,
  handles: ['Ping'],
  tables: [{ name: 'rows', columns: ['id TEXT PRIMARY KEY', 'amount BIGINT NOT NULL', 'note TEXT'] }],
  apply: () => undefined,
});

/** A part as a fold would record it: these rows, and the checkpoint moving to `last`. */
function part(writer: BatchWriter, projection: Projection, last: bigint, rows: readonly (readonly [string, number])[]): RecordedPart {
  const tx = new RecordingTx(projection, writer.sqlIds);
  tx.begin(last);
  for (const [id, amount] of rows) tx.run(`INSERT INTO ${tx.table('rows')} (id, amount) VALUES (?, ?)`, [id, amount]);
  return tx.end();
}

/**
 * What every read store must do alike, for the queries and the runner: the same answers
 * to the same SQL, and batches committed whole per projection with their checkpoint.
 */
export function readStoreContract(open: () => Promise<ContractSubject>): void {
  let subject: ContractSubject;
  let writer: BatchWriter | undefined;
  beforeEach(async () => (subject = await open()));
  afterEach(async () => {
    await writer?.close();
    writer = undefined;
    await subject.close();
  });

  const prepared = async (...projections: Projection[]): Promise<BatchWriter> => {
    const backend = projectionBackend(subject.runnerStore);
    for (const p of projections) await backend.prepare(p);
    writer = backend.openWriter(true);
    if (!writer) throw new Error('A file or database read store has a batch writer');
    return writer;
  };

  it('answers get and all with positional parameters, leaving ? inside literals and quoted names alone', async () => {
    const { readStore } = subject;
    expect(await readStore.get<{ q: string; v: string; s: string }>(`SELECT '?' AS q, ? AS v, 'it''s ?' AS "s"`, ['x'])).toEqual({
      q: '?',
      v: 'x',
      s: "it's ?",
    });
    expect(await readStore.all(`SELECT name FROM projection_state WHERE name = ?`, ['none'])).toEqual([]);
    expect(await readStore.get(`SELECT name FROM projection_state WHERE name = ?`, ['none'])).toBeUndefined();
  });

  it('reads BIGINT sums and counts as exact numbers, and tells the active table of each projection', async () => {
    const w = await prepared(ledger('money'));
    expect(await w.write([part(w, ledger('money'), 3n, [['a', 2 ** 40], ['b', 2 ** 41 + 1]])])).toEqual([{ ok: true }]);
    const table = await subject.readStore.activeTable('money', 'rows');
    expect(table).toBe('money_v1__rows');
    expect(await subject.readStore.activeTable('never_ran', 'rows')).toBeUndefined();
    expect(await subject.readStore.get(`SELECT count(*) AS n, sum(amount) AS total FROM ${table} WHERE amount > ?`, [0])).toEqual({
      n: 2,
      total: 2 ** 40 + 2 ** 41 + 1,
    });
    expect(await subject.readStore.all(`SELECT id FROM ${table} ORDER BY amount DESC LIMIT ?`, [1])).toEqual([{ id: 'b' }]);
    expect(await subject.readStore.checkpoints()).toEqual([{ name: 'money', version: 1, activeVersion: 1, checkpoint: 3n, activeCheckpoint: 3n }]);
  });

  it('commits a batch per projection: a failing part rolls back alone with its checkpoint, and its later parts are skipped', async () => {
    const good = ledger('good');
    const bad = ledger('bad');
    const w = await prepared(good, bad);
    const results = await w.write([
      part(w, good, 5n, [['g1', 1]]),
      part(w, bad, 5n, [['b1', 1], ['b1', 2]]), // the same key twice: the part fails on its second row
    ]);
    expect(results[0]).toEqual({ ok: true });
    expect(results[1]).toMatchObject({ ok: false, eventIndex: 0 });
    expect(await w.write([part(w, good, 9n, [['g2', 1]]), part(w, bad, 9n, [['b2', 1]])])).toEqual([{ ok: true }, { ok: false, skipped: true }]);

    const rows = async (name: string): Promise<unknown[]> =>
      subject.readStore.all(`SELECT id FROM ${await subject.readStore.activeTable(name, 'rows')} ORDER BY id`);
    expect(await rows('good')).toEqual([{ id: 'g1' }, { id: 'g2' }]);
    expect(await rows('bad')).toEqual([]);
    const byName = Object.fromEntries((await subject.readStore.checkpoints()).map((r) => [r.name, r.checkpoint]));
    expect(byName).toEqual({ bad: 0n, good: 9n });
  });

  it('never moves a checkpoint backwards: a batch at or before it is refused with its rows', async () => {
    const p = ledger('mono');
    const w = await prepared(p);
    expect(await w.write([part(w, p, 10n, [['a', 1]])])).toEqual([{ ok: true }]);
    // 9 < 10 as integers, though "9" > "10" as text.
    const [behind] = await w.write([part(w, p, 9n, [['b', 1]])]);
    expect(behind).toMatchObject({ ok: false, message: expect.stringMatching(/already at 9 or past it/) });
    expect(await subject.readStore.all(`SELECT id FROM ${await subject.readStore.activeTable('mono', 'rows')}`)).toEqual([{ id: 'a' }]);
    expect((await subject.readStore.checkpoints())[0].checkpoint).toBe(10n);
  });
}
