import type Database from 'better-sqlite3';
import { DuplicateEventError, WrongExpectedVersionError } from '../event-store.errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import { chainHashFromCanonical, GENESIS_HASH } from '../hash-chain';

/** An event already turned into the canonical text that is stored and hashed. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
}

export interface PreparedAppend {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly PreparedEvent[];
}

type Tail = [bigint, string, bigint, string]; // revision, hash, position, event_id of a stream's last event
type SliceRow = [string, bigint, bigint]; // event_id, revision, position

/**
 * Writes one append inside the batch transaction. Every refusal (expected revision,
 * duplicate id) is decided before the first insert, so a refused append leaves no row
 * and the others of the batch go on; no savepoint is needed (one would copy each page
 * it touches into a statement journal). An error during the inserts is not a refusal:
 * it fails the whole batch.
 *
 * Ids are checked within the target stream only, through the (stream_id, revision)
 * index, as EventStoreDB does: a retry is recognised where the expectation puts it, and
 * an id reused in another stream is not detected (Vigie derives ids from the command and
 * the stream, so that cannot happen by accident).
 */
export class SqliteAppendWriter {
  private readonly tail: Database.Statement;
  private readonly slice: Database.Statement;
  private readonly inserts = new Map<number, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.tail = db
      .prepare('SELECT revision, hash, position, event_id FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .safeIntegers(true)
      .raw(true);
    // Its limit is the batch's length and it runs only on a retry: bound, not written in (see LimitedStatements).
    this.slice = db
      .prepare('SELECT event_id, revision, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?')
      .safeIntegers(true)
      .raw(true);
  }

  write({ streamId, expected, events }: PreparedAppend): AppendResult {
    const tail = this.tail.get(streamId) as Tail | undefined;
    if (events.length > 0 && tail !== undefined) {
      const replayed = this.replayed(streamId, expected, events, tail);
      if (replayed !== undefined) return replayed;
    }
    checkExpected(streamId, expected, tail);
    if (events.length === 0) return { nextExpectedRevision: tail?.[0] ?? -1n, position: tail?.[2] ?? 0n };
    checkFresh(events, tail);
    return this.insertAll(streamId, events, tail);
  }

  /**
   * Chains and inserts the events, up to INSERT_ROWS per statement: positions come from
   * AUTOINCREMENT in row order, so the last row's id is the append's position.
   */
  private insertAll(streamId: string, events: readonly PreparedEvent[], tail: Tail | undefined): AppendResult {
    let revision = tail === undefined ? 0n : tail[0] + 1n;
    let previous = tail === undefined ? GENESIS_HASH : tail[1];
    let position = 0n;
    for (let start = 0; start < events.length; start += INSERT_ROWS) {
      const end = Math.min(events.length, start + INSERT_ROWS);
      const params: unknown[] = [];
      for (let i = start; i < end; i++) {
        const e = events[i];
        previous = chainHashFromCanonical(previous, e.type, e.dataJson, e.metadataJson);
        params.push(streamId, revision, e.eventId, e.type, e.dataJson, e.metadataJson, previous);
        revision++;
      }
      position = this.insertStatement(end - start).run(params).lastInsertRowid as bigint;
    }
    return { nextExpectedRevision: revision - 1n, position, written: true };
  }

  private insertStatement(rows: number): Database.Statement {
    let statement = this.inserts.get(rows);
    if (statement === undefined) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = this.db
        .prepare(`INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash) VALUES ${values}`)
        .safeIntegers(true);
      this.inserts.set(rows, statement);
    }
    return statement;
  }

  /**
   * A retry: the same ids, in the same order, already stored in this stream where the
   * expectation puts them (at its end for 'any' and 'stream-exists', which carry no
   * revision). Returns the first append's result. The first id found there with a later
   * one differing is a partial overlap, a DuplicateEventError; anything else is left to
   * the expectation check.
   */
  private replayed(streamId: string, expected: ExpectedRevision, events: readonly PreparedEvent[], tail: Tail): AppendResult | undefined {
    let first: bigint;
    if (typeof expected === 'bigint') first = expected + 1n;
    else if (expected === 'no-stream') first = 0n;
    else if (tail[3] === events[events.length - 1].eventId) first = tail[0] - BigInt(events.length) + 1n;
    else return undefined;
    // The happy path stops here: the expected slot is still free, nothing to compare.
    if (first > tail[0] || first < 0n) return undefined;
    const rows = this.slice.all(streamId, first, events.length) as SliceRow[];
    if (rows[0]?.[0] !== events[0].eventId) return undefined;
    for (let i = 1; i < events.length; i++) {
      if (rows[i]?.[0] !== events[i].eventId) throw new DuplicateEventError(events[0].eventId);
    }
    const last = rows[rows.length - 1];
    return { nextExpectedRevision: last[1], position: last[2], written: false };
  }
}

/** Rows per INSERT statement: fewer statement runs, within SQLite's 32766 bound parameters. */
const INSERT_ROWS = 50;

function checkExpected(streamId: string, expected: ExpectedRevision, tail: Tail | undefined): void {
  const actual = tail === undefined ? 'no-stream' : tail[0];
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && tail === undefined) ||
    (expected === 'stream-exists' && tail !== undefined) ||
    (typeof expected === 'bigint' && actual === expected);
  if (!ok) throw new WrongExpectedVersionError(streamId, expected, actual);
}

/**
 * The ids of one append must be distinct, and none may repeat the stream's last event:
 * the cheap case of the same stream at another revision (a retry sent with a refreshed
 * expectation). Earlier events of the stream are not searched.
 */
function checkFresh(events: readonly PreparedEvent[], tail: Tail | undefined): void {
  const last = tail?.[3];
  if (events.length === 1) {
    if (events[0].eventId === last) throw new DuplicateEventError(last);
    return;
  }
  const seen = new Set<string>();
  if (last !== undefined) seen.add(last);
  for (const e of events) {
    if (seen.has(e.eventId)) throw new DuplicateEventError(e.eventId);
    seen.add(e.eventId);
  }
}
