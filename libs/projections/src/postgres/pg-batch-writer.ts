import { createHash } from 'node:crypto';
import type { PgDatabase } from '@vigie/postgres';
import type { PoolClient, QueryResult } from 'pg';
import { ADVANCE_STATE_SQL, advanceParams, notAdvancedMessage } from '../projection-state.sql';
import type { BatchWriter, PartResult } from '../read-store-writer';
import { type RecordedPart, SqlIds } from '../recording-tx';
import { inlineStatement } from './pg-literals';
import { pgValues, toPgStatement, type PgStatement } from './pg-placeholders';

/** Thrown inside a part's savepoint; carries the index of the statement that failed. */
class PartError extends Error {
  constructor(
    message: string,
    readonly statement: number,
  ) {
    super(message);
  }
}

/**
 * Applies recorded batches to PostgreSQL with the writer thread's contract: one
 * transaction per batch; each projection's part in a savepoint of its own with its
 * checkpoint advance, so rows and checkpoint commit together (exactly once) and a failing
 * statement undoes that projection's part alone; a failed projection's later parts are
 * skipped. Batches commit one after the other, in the order they were sent.
 */
export class PgBatchWriter implements BatchWriter {
  readonly sqlIds = new SqlIds();
  private readonly statements: PgStatement[] = [];
  /** Named once per text: each pooled connection then parses and plans it once. */
  private readonly names: string[] = [];
  private readonly failed = new Set<string>();
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly db: PgDatabase) {}

  write(parts: readonly RecordedPart[]): Promise<PartResult[]> {
    if (this.closed) return Promise.reject(new Error('The read-model writer is closed'));
    for (const text of this.sqlIds.takeFresh()) {
      const statement = toPgStatement(text);
      this.statements.push(statement);
      this.names.push(`vigie_rm_${createHash('sha1').update(statement.text).digest('hex').slice(0, 24)}`);
    }
    const done = this.tail.then(() => this.db.transaction((client) => this.applyBatch(client, parts)));
    this.tail = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }

  private async applyBatch(client: PoolClient, parts: readonly RecordedPart[]): Promise<PartResult[]> {
    const results: PartResult[] = [];
    const failedNow: string[] = [];
    for (const part of parts) {
      const key = `${part.name} ${part.version}`;
      if (this.failed.has(key) || failedNow.includes(key)) {
        results.push({ ok: false, skipped: true });
        continue;
      }
      await client.query('SAVEPOINT part');
      try {
        await this.applyPart(client, part);
        await client.query('RELEASE SAVEPOINT part');
        results.push({ ok: true });
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT part');
        await client.query('RELEASE SAVEPOINT part');
        failedNow.push(key);
        const at = error instanceof PartError ? part.events[error.statement] : undefined;
        results.push({ ok: false, message: error instanceof Error ? error.message : String(error), eventIndex: at });
      }
    }
    // Only a committed batch fails its projections for good: a rolled-back one changed nothing.
    for (const key of failedNow) this.failed.add(key);
    return results;
  }

  /**
   * A part's statements and its checkpoint advance go in one simple query (one round trip
   * rather than one per row). Should any statement fail, the part is undone and replayed
   * one statement at a time, so the error names the statement and the event that wrote it.
   */
  private async applyPart(client: PoolClient, part: RecordedPart): Promise<void> {
    const script = this.script(part);
    if (script === undefined) return this.applyPartByStatement(client, part);
    let moved: number | null;
    try {
      const replies = (await client.query(script)) as unknown as QueryResult | QueryResult[];
      moved = (Array.isArray(replies) ? replies[replies.length - 1] : replies).rowCount;
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT part');
      return this.applyPartByStatement(client, part);
    }
    if (moved !== 1) throw new Error(notAdvancedMessage(part.name, part.version, part.last));
  }

  /** The part as one script ending with its checkpoint advance; undefined if a value cannot be inlined. */
  private script(part: RecordedPart): string | undefined {
    const lines: string[] = [];
    let at = 0;
    for (let i = 0; i < part.sql.length; i++) {
      const statement = this.statements[part.sql[i]];
      const n = part.counts[i];
      const params = n < 0 ? (part.values[at++] as Record<string, unknown>) : part.values.slice(at, (at += n));
      const line = inlineStatement(statement, pgValues(statement, params));
      if (line === undefined) return undefined;
      lines.push(line);
    }
    const advance = toPgStatement(ADVANCE_STATE_SQL);
    lines.push(inlineStatement(advance, pgValues(advance, advanceParams(part.name, part.version, part.last))) as string);
    // On lines of their own: a statement ending in a -- comment must not swallow the separator.
    return lines.join('\n;\n');
  }

  private async applyPartByStatement(client: PoolClient, part: RecordedPart): Promise<void> {
    let at = 0;
    for (let i = 0; i < part.sql.length; i++) {
      const statement = this.statements[part.sql[i]];
      const n = part.counts[i];
      const params = n < 0 ? (part.values[at++] as Record<string, unknown>) : part.values.slice(at, (at += n));
      try {
        await client.query({ name: this.names[part.sql[i]], text: statement.text, values: pgValues(statement, params) });
      } catch (error) {
        throw new PartError(error instanceof Error ? error.message : String(error), i);
      }
    }
    const advance = toPgStatement(ADVANCE_STATE_SQL);
    const moved = await client.query(advance.text, pgValues(advance, advanceParams(part.name, part.version, part.last)));
    if (moved.rowCount !== 1) throw new Error(notAdvancedMessage(part.name, part.version, part.last));
  }
}
