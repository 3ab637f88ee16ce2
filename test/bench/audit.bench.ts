import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@vigie/event-store';
import { exportNdjson } from '../../apps/cli/src/archive/ndjson-export';
import { replayProjections } from '../../apps/cli/src/replay/replay';
import { REPORTS } from '../../apps/cli/src/replay/reports';
import { generateAuditLog } from './audit-log.generator';
import { evictFromPageCache } from './bench-cache';

export interface AuditBenchOptions {
  /** Events in the generated log (default 1,000,000). */
  readonly events?: number;
}

export interface AuditBenchFigures {
  /** Events of the log read per second while replaying the compensation report into memory (target ≥ 150,000). */
  readonly replay_per_s: number;
  /** The same replay on the log closed, dropped from the page cache and reopened. */
  readonly replay_cold_per_s: number;
  /** Events written per second as NDJSON by `vigie export`. */
  readonly export_per_s: number;
}

const seconds = (started: number): number => (performance.now() - started) / 1000;

/** `vigie replay --report compensation` into memory: events read per second. */
async function replayRate(store: SqliteEventStore, written: number): Promise<number> {
  const report = REPORTS.compensation;
  const started = performance.now();
  const replayed = await replayProjections(store, report.projections, {});
  const result = await report.query(replayed.readStore, new Date(0));
  const replaySeconds = seconds(started);
  await replayed.readStore.close();
  if (replayed.read !== written || result === undefined) throw new Error(`Replay read ${replayed.read} of ${written} events`);
  return Math.round(written / replaySeconds);
}

/**
 * `vigie replay --report compensation` and `vigie export` over a realistic log of its
 * own (every event type, requests through their whole life), in a temporary directory.
 * The replay runs warm (on the store that wrote the log) and cold (reopened after the
 * file left the page cache).
 */
export async function benchAudit(options: AuditBenchOptions = {}): Promise<AuditBenchFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-audit-'));
  const file = path.join(dir, 'events.db');
  let store = SqliteEventStore.open({ path: file });
  try {
    const written = await generateAuditLog(store, options.events ?? 1_000_000);
    const replay_per_s = await replayRate(store, written);
    await store.close();
    evictFromPageCache(file);
    store = SqliteEventStore.open({ path: file });
    const replay_cold_per_s = await replayRate(store, written);

    const out = path.join(dir, 'log.ndjson');
    const stream = createWriteStream(out);
    const started = performance.now();
    const exported = await exportNdjson(store, stream);
    stream.end();
    await once(stream, 'finish');
    const exportSeconds = seconds(started);
    if (exported.events !== written) throw new Error(`Export wrote ${exported.events} of ${written} events`);

    return { replay_per_s, replay_cold_per_s, export_per_s: Math.round(written / exportSeconds) };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
