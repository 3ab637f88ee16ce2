import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@vigie/event-store';
import { exportNdjson } from '../../apps/cli/src/archive/ndjson-export';
import { replayProjections } from '../../apps/cli/src/replay/replay';
import { REPORTS } from '../../apps/cli/src/replay/reports';
import { evictFromPageCache } from './bench-cache';
import type { MeasuredFigure } from './bench-report';

const seconds = (started: number): number => (performance.now() - started) / 1000;

/** Events of the types the report's folds handle: what an unbounded replay reads (it skips the others). */
function handledEvents(file: string): number {
  const types = [...new Set(REPORTS.compensation.projections.flatMap((p) => p.handles))];
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.prepare(`SELECT COUNT(*) FROM events WHERE type IN (${types.map(() => '?').join(', ')})`).pluck().get(...types));
  } finally {
    db.close();
  }
}

/** `vigie replay --report compensation` into memory: events of the log per second. */
async function replayRate(store: SqliteEventStore, written: number, handled: number): Promise<number> {
  const report = REPORTS.compensation;
  const started = performance.now();
  const replayed = await replayProjections(store, report.projections, {});
  const result = await report.query(replayed.readStore, new Date(0));
  const replaySeconds = seconds(started);
  await replayed.readStore.close();
  if (replayed.read !== handled || result === undefined) throw new Error(`Replay read ${replayed.read} of the ${handled} events its folds handle`);
  return Math.round(written / replaySeconds);
}

/**
 * `vigie replay --report compensation` and `vigie export` over the audit log (every event
 * type, requests through their whole life). The replay runs warm (the log's pages cached)
 * and cold (reopened after the file left the page cache); each is divided by the raw scan
 * of the same file in the same state (raw_scan_audit_log*, measured by bench.ts).
 */
export async function benchAudit(log: { readonly file: string; readonly events: number }): Promise<Record<string, MeasuredFigure>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-audit-'));
  const written = log.events;
  const handled = handledEvents(log.file);
  let store = SqliteEventStore.open({ path: log.file });
  try {
    const replay = await replayRate(store, written, handled);
    await store.close();
    evictFromPageCache(log.file);
    store = SqliteEventStore.open({ path: log.file });
    const replayCold = await replayRate(store, written, handled);

    const out = path.join(dir, 'log.ndjson');
    const stream = createWriteStream(out);
    const started = performance.now();
    const exported = await exportNdjson(store, stream);
    stream.end();
    await once(stream, 'finish');
    const exportSeconds = seconds(started);
    if (exported.events !== written) throw new Error(`Export wrote ${exported.events} of ${written} events`);
    const n = written.toLocaleString('en-US');
    return {
      replay: { label: `replay of the compensation report (${n} events)`, value: replay, unit: 'events/s', baseline: 'raw_scan_audit_log', target: { ratio_at_least: 0.5 } },
      replay_cold: { label: '  the same, out of the page cache', value: replayCold, unit: 'events/s', baseline: 'raw_scan_audit_log_cold' },
      export: { label: `NDJSON export (${n} events)`, value: Math.round(written / exportSeconds), unit: 'events/s', baseline: 'raw_scan_audit_log' },
    };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
