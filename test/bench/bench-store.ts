import { SqliteEventStore, type CommitInfo } from '../../libs/event-store/src';
import { evictFromPageCache } from './bench-cache';
import type { BenchEventFactory } from './bench-events';
import { elapsedSeconds, now } from './bench-timer';

export interface ThroughputResult {
  readonly events: number;
  readonly perSecond: number;
  /** Mean events per group commit (how well concurrent appends were grouped). */
  readonly eventsPerCommit: number;
}

function commitCounter(): { onCommit: (info: CommitInfo) => void; readonly commits: () => number } {
  let commits = 0;
  return { onCommit: () => commits++, commits: () => commits };
}

/** `appenders` concurrent writers, each on its own stream, one event per append, for `seconds`. */
export async function runSingleAppends(file: string, events: BenchEventFactory, appenders: number, seconds: number): Promise<ThroughputResult> {
  const counter = commitCounter();
  const store = SqliteEventStore.open({ path: file, onCommit: counter.onCommit });
  try {
    let total = 0;
    const start = now();
    const appender = async (index: number): Promise<void> => {
      const stream = `request-single-${index}`;
      let revision = -1n;
      while (elapsedSeconds(start) < seconds) {
        const result = await store.append(stream, [events.next(stream)], revision < 0n ? 'no-stream' : revision);
        revision = result.nextExpectedRevision;
        total++;
      }
    };
    await Promise.all(Array.from({ length: appenders }, (_, i) => appender(i)));
    const elapsed = elapsedSeconds(start);
    return { events: total, perSecond: total / elapsed, eventsPerCommit: total / counter.commits() };
  } finally {
    await store.close();
  }
}

/**
 * Sequential appends of `batchSize` events, round robin over `streams` streams, until
 * `maxEvents` or `seconds`. Only the append calls are timed, not building the events.
 */
export async function runBatchAppends(
  file: string,
  events: BenchEventFactory,
  options: { readonly streams: number; readonly batchSize: number; readonly maxEvents: number; readonly seconds: number },
): Promise<ThroughputResult> {
  const counter = commitCounter();
  const store = SqliteEventStore.open({ path: file, onCommit: counter.onCommit });
  try {
    const revisions = new Array<bigint>(options.streams).fill(-1n);
    let total = 0;
    let timed = 0;
    const wall = now();
    for (let i = 0; total < options.maxEvents && elapsedSeconds(wall) < options.seconds; i++) {
      const s = i % options.streams;
      const stream = `request-batch-${s}`;
      const batch = events.batch(stream, options.batchSize);
      const start = now();
      const result = await store.append(stream, batch, revisions[s] < 0n ? 'no-stream' : revisions[s]);
      timed += now() - start;
      revisions[s] = result.nextExpectedRevision;
      total += batch.length;
    }
    return { events: total, perSecond: total / (timed / 1000), eventsPerCommit: total / counter.commits() };
  } finally {
    await store.close();
  }
}

/**
 * Builds a log of `total` events in large commits: each round is `appendsPerCommit`
 * concurrent appends of `eventsPerAppend` events to new streams, grouped into one commit.
 */
export async function buildLog(
  file: string,
  events: BenchEventFactory,
  total: number,
  appendsPerCommit: number,
  eventsPerAppend: number,
): Promise<ThroughputResult> {
  const counter = commitCounter();
  const store = SqliteEventStore.open({ path: file, onCommit: counter.onCommit });
  try {
    let written = 0;
    let timed = 0;
    for (let round = 0; written < total; round++) {
      const appends = Array.from({ length: appendsPerCommit }, (_, i) => {
        const stream = `request-log-${round}-${i}`;
        return { stream, batch: events.batch(stream, Math.min(eventsPerAppend, Math.max(0, total - written - i * eventsPerAppend))) };
      }).filter((a) => a.batch.length > 0);
      const start = now();
      await Promise.all(appends.map((a) => store.append(a.stream, a.batch, 'no-stream')));
      timed += now() - start;
      for (const a of appends) written += a.batch.length;
    }
    return { events: written, perSecond: written / (timed / 1000), eventsPerCommit: written / counter.commits() };
  } finally {
    await store.close();
  }
}

export interface ReadResult {
  readonly events: number;
  readonly perSecond: number;
}

/**
 * readAll from the start on a freshly opened store. `decode`: parse every event's data
 * and metadata, as a consumer (a projection, an export) does; otherwise only positions
 * are touched and the JSON is never parsed. `cold`: the file is first dropped from the
 * OS page cache, as after a reboot.
 */
export async function runReadAll(file: string, options: { readonly decode: boolean; readonly cold?: boolean }): Promise<ReadResult> {
  if (options.cold) evictFromPageCache(file);
  const store = SqliteEventStore.open({ path: file });
  try {
    let count = 0;
    const start = now();
    if (options.decode) {
      for await (const event of store.readAll()) if (event.data !== event.metadata) count++;
    } else {
      for await (const event of store.readAll()) if (event.position > 0n) count++;
    }
    return { events: count, perSecond: count / elapsedSeconds(start) };
  } finally {
    await store.close();
  }
}

export interface VerifyResult extends ReadResult {
  readonly ok: boolean;
  readonly streams: number;
}

export async function runVerify(file: string): Promise<VerifyResult> {
  const store = SqliteEventStore.open({ path: file });
  try {
    const start = now();
    const report = await store.verifyChains();
    return { events: report.events, perSecond: report.events / elapsedSeconds(start), ok: report.ok, streams: report.streams };
  } finally {
    await store.close();
  }
}
