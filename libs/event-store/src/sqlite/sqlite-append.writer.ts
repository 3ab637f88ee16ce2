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

type Tail = [bigint, string, bigint]; // revision, hash, position of a stream's last event
type Located = [string, bigint]; // stream_id, revision of a stored event id
type SliceRow = [string, bigint, bigint]; // event_id, revision, position

/**
 * Writes one append inside the batch transaction. Every refusal (expected revision,
 * duplicate id) is decided before the first insert, so a refused append leaves no row
 * and the others of the batch go on; no savepoint is needed (one would copy each page
 * it touches into a statement journal). An error during the inserts is not a refusal:
 * it fails the whole batch.
 */
export class SqliteAppendWriter {
  private readonly tail: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly locate: Database.Statement;
  private readonly slice: Database.Statement;

  constructor(db: Database.Database) {
    this.tail = db
      .prepare('SELECT revision, hash, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .safeIntegers(true)
      .raw(true);
    this.insert = db
      .prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .safeIntegers(true);
    this.locate = db.prepare('SELECT stream_id, revision FROM events WHERE event_id = ?').safeIntegers(true).raw(true);
    this.slice = db
      .prepare('SELECT event_id, revision, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?')
      .safeIntegers(true)
      .raw(true);
  }

  write({ streamId, expected, events }: PreparedAppend): AppendResult {
    const tail = this.tail.get(streamId) as Tail | undefined;
    if (events.length > 0) {
      const replayed = this.replayed(streamId, expected, events);
      if (replayed !== undefined) return replayed;
    }
    checkExpected(streamId, expected, tail);
    if (events.length === 0) return { nextExpectedRevision: tail?.[0] ?? -1n, position: tail?.[2] ?? 0n };
    this.checkFresh(events);
    let revision = tail === undefined ? 0n : tail[0] + 1n;
    let previous = tail === undefined ? GENESIS_HASH : tail[1];
    let position = 0n;
    for (const e of events) {
      const hash = chainHashFromCanonical(previous, e.type, e.dataJson, e.metadataJson);
      position = this.insert.run(streamId, revision, e.eventId, e.type, e.dataJson, e.metadataJson, hash).lastInsertRowid as bigint;
      previous = hash;
      revision++;
    }
    return { nextExpectedRevision: revision - 1n, position };
  }

  /** The first id was looked up by `replayed`; the others must be new and distinct. */
  private checkFresh(events: readonly PreparedEvent[]): void {
    if (events.length === 1) return;
    const seen = new Set<string>();
    for (let i = 0; i < events.length; i++) {
      const id = events[i].eventId;
      if (seen.has(id) || (i > 0 && this.locate.get(id) !== undefined)) throw new DuplicateEventError(id);
      seen.add(id);
    }
  }

  /**
   * A retry: the same ids, in the same order, already stored consecutively in this
   * stream where the expectation puts them (anywhere in it for 'any'/'stream-exists').
   * Returns the first append's result; ids stored anywhere else are a DuplicateEventError.
   */
  private replayed(streamId: string, expected: ExpectedRevision, events: readonly PreparedEvent[]): AppendResult | undefined {
    const first = this.locate.get(events[0].eventId) as Located | undefined;
    if (first === undefined) return undefined;
    const [storedStream, firstRevision] = first;
    const expectedFirst = expected === 'no-stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : firstRevision;
    if (storedStream !== streamId || firstRevision !== expectedFirst) throw new DuplicateEventError(events[0].eventId);
    const rows = this.slice.all(streamId, firstRevision, events.length) as SliceRow[];
    for (let i = 0; i < events.length; i++) {
      if (rows[i]?.[0] !== events[i].eventId) throw new DuplicateEventError(events[0].eventId);
    }
    const last = rows[rows.length - 1];
    return { nextExpectedRevision: last[1], position: last[2] };
  }
}

function checkExpected(streamId: string, expected: ExpectedRevision, tail: Tail | undefined): void {
  const actual = tail === undefined ? 'no-stream' : tail[0];
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && tail === undefined) ||
    (expected === 'stream-exists' && tail !== undefined) ||
    (typeof expected === 'bigint' && actual === expected);
  if (!ok) throw new WrongExpectedVersionError(streamId, expected, actual);
}
