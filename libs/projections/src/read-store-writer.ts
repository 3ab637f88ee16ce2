import { Worker } from 'node:worker_threads';
import { ADVANCE_STATE_SQL } from './projection-state.sql';
import { type RecordedPart, SqlIds } from './recording-tx';

/** What the writer thread says of one part: committed, skipped (its projection failed earlier) or failed. */
export type PartResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly skipped: true }
  | { readonly ok: false; readonly skipped?: false; readonly message: string; readonly eventIndex?: number };

/** Commits recorded batches: one transaction per batch, one savepoint per part with its checkpoint. */
export interface BatchWriter {
  readonly sqlIds: SqlIds;
  write(parts: readonly RecordedPart[]): Promise<PartResult[]>;
  close(): Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly results?: PartResult[];
  readonly fatal?: string;
}

/**
 * The thread's code, plain JavaScript so it runs as is under node and jest alike. One
 * transaction per batch; each projection's part in its own savepoint with its checkpoint,
 * so a failing statement undoes that projection's part alone; a failed projection's
 * later parts are skipped. Same pragmas as the read store: WAL + synchronous=NORMAL
 * keeps each commit atomic across a crash.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
db.pragma('temp_store = MEMORY');
const texts = [];
const statements = [];
const failed = new Set();
const advance = db.prepare(workerData.advanceSql);
const statement = (id) => statements[id] || (statements[id] = db.prepare(texts[id]));
function applyPart(part) {
  let i = 0;
  let at = 0;
  try {
    for (; i < part.sql.length; i++) {
      const s = statement(part.sql[i]);
      const n = part.counts[i];
      if (n < 0) s.run(part.values[at++]);
      else { s.run(part.values.slice(at, at + n)); at += n; } // an array binds positionally, without a spread
    }
    const moved = advance.run(part.last, part.last, part.name, part.version, part.last).changes;
    if (moved !== 1) throw new Error('Projection ' + part.name + ' v' + part.version + ' is no longer the fed version, or its checkpoint is already at ' + part.last + ' or past it');
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), eventIndex: part.events[i] };
  }
}
parentPort.on('message', (m) => {
  if (m.close) { db.close(); parentPort.close(); return; }
  for (const t of m.texts) texts.push(t);
  try {
    db.exec('BEGIN IMMEDIATE');
    const results = m.parts.map((part) => {
      const key = part.name + ' ' + part.version;
      if (failed.has(key)) return { ok: false, skipped: true };
      db.exec('SAVEPOINT part');
      const result = applyPart(part);
      if (!result.ok) { db.exec('ROLLBACK TO part'); failed.add(key); }
      db.exec('RELEASE part');
      return result;
    });
    db.exec('COMMIT');
    parentPort.postMessage({ id: m.id, results });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    parentPort.postMessage({ id: m.id, fatal: error instanceof Error ? error.message : String(error) });
  }
});
`;

/**
 * Applies recorded batches on a second connection in a worker thread, so SQLite's work
 * (binding, b-trees, commits) runs beside the reading and folding of the next batch.
 * Replies come in order; the rows are committed when a batch's promise resolves.
 */
export class ReadStoreWriter implements BatchWriter {
  /** One numbering for every feed writing through this thread: the thread keeps one table of texts. */
  readonly sqlIds = new SqlIds();
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: PartResult[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private broken: Error | undefined;

  constructor(path: string) {
    this.worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: { path, driver: require.resolve('better-sqlite3'), advanceSql: ADVANCE_STATE_SQL },
    });
    // Only batches in flight keep the process alive, like a subscription's pending read would.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.fatal !== undefined) waiter?.reject(new Error(reply.fatal));
      else waiter?.resolve(reply.results ?? []);
    });
    const failAll = (error: Error): void => {
      this.broken ??= error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', () => failAll(new Error('The read-store writer thread exited')));
  }

  /** Sends one batch; resolves with one result per part once it is committed. */
  write(parts: readonly RecordedPart[]): Promise<PartResult[]> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    const texts = this.sqlIds.takeFresh();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, texts, parts });
    });
  }

  /** Lets the writer finish what it was sent, then closes its connection and ends the thread. */
  async close(): Promise<void> {
    if (this.broken) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await exited;
  }
}
