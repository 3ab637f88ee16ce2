import type { Projection, ProjectionTx, SqlParams } from './projection';
import { SqliteProjectionTx, type StatementSource } from './projection-tx';

/** One projection's writes for one batch, as the writer thread runs them. */
export interface RecordedPart {
  readonly name: string;
  readonly version: number;
  /** The batch's last position: the checkpoint this part moves to. */
  readonly last: string;
  /**
   * Per statement: its SQL id, its parameter count (-1: one object of named parameters,
   * the next value) and the index in the batch of the event that wrote it. Positional
   * values are flattened into `values`: one array crosses to the thread, not one per row.
   */
  readonly sql: number[];
  readonly counts: number[];
  readonly values: unknown[];
  readonly events: number[];
}

const NO_STATEMENTS: StatementSource = {
  statement: () => {
    throw new Error('A recording transaction prepares no statement');
  },
};

/** SQL text to small ids, so a batch ships each statement's text once per feed, not per row. */
export class SqlIds {
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];

  id(sql: string): number {
    let id = this.ids.get(sql);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(sql, id);
      this.fresh.push(sql);
    }
    return id;
  }

  /** The texts given ids since the last call, in id order. */
  takeFresh(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/**
 * The facade a fold writes through when a writer thread applies the batch: it records
 * the statements instead of running them. Folds are pure writers (every read model here
 * only writes), so nothing is lost; a fold that reads its own tables mid-batch would not
 * see its pending writes, hence reads are refused rather than answered stale.
 */
export class RecordingTx implements ProjectionTx {
  /** Index in the batch of the event being folded. */
  eventIndex = 0;
  private part: RecordedPart | undefined;
  private readonly names: SqliteProjectionTx;

  constructor(
    private readonly projection: Projection,
    private readonly sqlIds: SqlIds,
  ) {
    this.names = new SqliteProjectionTx(NO_STATEMENTS, projection, projection.version);
  }

  begin(last: bigint): void {
    const { name, version } = this.projection;
    this.part = { name, version, last: last.toString(), sql: [], counts: [], values: [], events: [] };
  }

  end(): RecordedPart {
    const part = this.part as RecordedPart;
    this.part = undefined;
    return part;
  }

  run(sql: string, params?: SqlParams): void {
    const part = this.part as RecordedPart;
    part.sql.push(this.sqlIds.id(sql));
    part.events.push(this.eventIndex);
    if (params === undefined) {
      part.counts.push(0);
    } else if (Array.isArray(params)) {
      part.counts.push(params.length);
      for (let i = 0; i < params.length; i++) part.values.push(params[i]);
    } else {
      part.counts.push(-1);
      part.values.push(params);
    }
  }

  get<T>(): T | undefined {
    throw new Error(`Projection ${this.projection.name}: folds cannot read with the writer thread (runner option writerThread: false)`);
  }

  all<T>(): T[] {
    throw new Error(`Projection ${this.projection.name}: folds cannot read with the writer thread (runner option writerThread: false)`);
  }

  table(logical: string): string {
    return this.names.table(logical);
  }
}
