import type { EventStore } from '@vigie/event-store/event-store.port';
import { PgReadStore, ProjectionRunner } from '@vigie/projections';
import { PgBatchWriter } from '@vigie/projections/postgres/pg-batch-writer';
import type { RecordedPart } from '@vigie/projections/recording-tx';
import { ALL_PROJECTIONS } from '@vigie/runtime/all-projections';
import type { BenchPostgres, StatementStat } from './bench-postgres';

const quiet = { log: (): void => undefined, error: (m: string): void => void process.stderr.write(`${m}\n`) };

export interface PgRebuildResult {
  /** Events of the log the rebuild covered (the head it waited for). */
  readonly events: number;
  readonly perSecond: number;
  readonly seconds: number;
  /** Sum over batches of the time PostgreSQL's writer spent applying them (its round trips). */
  readonly writerSeconds: number;
  readonly batches: number;
  readonly statements: number;
  /** The server's own time over the whole rebuild (pg_stat_statements): executing and planning. */
  readonly server: { readonly exec_ms: number; readonly plan_ms: number; readonly calls: number };
  /** The heaviest statements by server time. */
  readonly top: readonly StatementStat[];
}

/**
 * Every projection rebuilt from position 0 into a fresh PostgreSQL database, over an
 * existing log, timed until every checkpoint reaches `upTo` (the head, or a prefix of
 * the log when the whole would take too long). The writer's own time is summed per batch (its promise from call to
 * commit, queued batches excluded), so the remainder is reading and folding.
 */
export async function pgRebuild(store: EventStore, pg: BenchPostgres, database: string, upTo: bigint): Promise<PgRebuildResult> {
  const db = await pg.createDatabase(database);
  const readStore = await PgReadStore.open(db, { ownsDatabase: true });
  const timing = timeWriter();
  try {
    const runner = new ProjectionRunner({ store, readStore, projections: ALL_PROJECTIONS, logger: quiet });
    const started = performance.now();
    await runner.start();
    await runner.waitFor(upTo, 60 * 60 * 1000);
    const seconds = (performance.now() - started) / 1000;
    const [writerMs, batches, statements] = [timing.busyMs(), timing.batches(), timing.statements()];
    const server = await pg.serverTotals(db);
    await runner.stop();
    return {
      events: Number(upTo),
      perSecond: Math.round(Number(upTo) / seconds),
      seconds: Math.round(seconds * 10) / 10,
      writerSeconds: Math.round(writerMs / 100) / 10,
      batches,
      statements,
      server,
      top: await pg.topStatements(db, 5),
    };
  } finally {
    timing.restore();
    await readStore.close();
  }
}

/**
 * Wraps PgBatchWriter.write for the bench only: busy time is counted from the later of
 * the call and the previous batch's commit, since batches commit one after the other.
 */
function timeWriter(): { busyMs: () => number; batches: () => number; statements: () => number; restore: () => void } {
  const original = PgBatchWriter.prototype.write;
  let busy = 0;
  let batches = 0;
  let statements = 0;
  let lastEnd = 0;
  PgBatchWriter.prototype.write = function write(this: PgBatchWriter, parts: readonly RecordedPart[]) {
    const called = performance.now();
    batches++;
    for (const p of parts) statements += p.sql.length + 1;
    const result = original.call(this, parts);
    void result.then(
      () => {
        const end = performance.now();
        busy += end - Math.max(called, lastEnd);
        lastEnd = end;
      },
      () => undefined,
    );
    return result;
  };
  return { busyMs: () => busy, batches: () => batches, statements: () => statements, restore: () => (PgBatchWriter.prototype.write = original) };
}
