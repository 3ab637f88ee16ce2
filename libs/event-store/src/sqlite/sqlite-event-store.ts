import type Database from 'better-sqlite3';
import { canonicalJson } from '../canonical-json';
import { StoreClosedError } from '../event-store.errors';
import type {
  AppendResult,
  ChainReport,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { CommitNotifier } from './commit.notifier';
import { type CommitInfo, GroupCommitQueue } from './group-commit.queue';
import { SqliteAppendWriter, type PreparedAppend, type PreparedEvent } from './sqlite-append.writer';
import { SqliteLogReader } from './sqlite-log.reader';
import { openSqliteDatabase } from './sqlite-schema';
import { SqliteSubscription } from './sqlite.subscription';

export interface SqliteEventStoreOptions {
  /** The log file; created with its schema when missing. */
  readonly path: string;
  /** How often live subscriptions look for appends made by other processes (default 250). */
  readonly pollIntervalMs?: number;
  /** How long a write waits for another process holding the lock (default 5000). */
  readonly busyTimeoutMs?: number;
  /** Called after each group commit (tests, metrics). */
  readonly onCommit?: (info: CommitInfo) => void;
}

/**
 * The embedded adapter: one SQLite file in WAL mode and a single writer connection
 * per process. Appends are group-committed; reads page through the file.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  private closed = false;
  private readonly notifier = new CommitNotifier();
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly queue: GroupCommitQueue;
  private readonly reader: SqliteLogReader;
  private readonly pollIntervalMs: number;

  private constructor(
    private readonly db: Database.Database,
    options: SqliteEventStoreOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.reader = new SqliteLogReader(db, () => this.assertOpen());
    this.queue = new GroupCommitQueue(db, new SqliteAppendWriter(db), (info) => {
      options.onCommit?.(info);
      this.notifier.notify();
    });
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    return new SqliteEventStore(openSqliteDatabase(options.path, options.busyTimeoutMs ?? 5000), options);
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    let prepared: PreparedAppend;
    try {
      prepared = { streamId, expected, events: events.map(prepareEvent) };
    } catch (error) {
      return Promise.reject(error);
    }
    return this.queue.enqueue(prepared);
  }

  readStream(streamId: string, options: { fromRevision?: bigint } = {}): AsyncIterable<RecordedEvent> {
    return this.reader.readStream(streamId, options.fromRevision);
  }

  async readLastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    return this.reader.readLastEvent(streamId);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.reader.readAll(options);
  }

  async headPosition(): Promise<bigint> {
    return this.reader.headPosition();
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    let stopListening = (): void => undefined;
    const subscription = new SqliteSubscription(this.db, options.after ?? 0n, options.filter ?? {}, this.pollIntervalMs, (s) => {
      this.subscriptions.delete(s);
      stopListening();
    });
    stopListening = this.notifier.listen(() => subscription.notify());
    this.subscriptions.add(subscription);
    return subscription;
  }

  verifyChains(): Promise<ChainReport> {
    return this.reader.verifyChains();
  }

  /** Writes the queued appends, ends the subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.queue.flush();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

/** Canonical text is made once, before the transaction; `metadata.hash` is the store's to set. */
function prepareEvent(event: EventToAppend): PreparedEvent {
  let metadata: object = event.metadata;
  if ('hash' in metadata) {
    const { hash: _ignored, ...rest } = event.metadata;
    metadata = rest;
  }
  return {
    eventId: event.eventId,
    type: event.type,
    dataJson: canonicalJson(event.data),
    metadataJson: canonicalJson(metadata),
  };
}
