import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runBaseline } from './bench-baseline';
import { BenchEventFactory } from './bench-events';
import { benchAudit } from './audit.bench';
import { type BenchFigures, type BenchReport, CEILINGS, metTargets, renderTable, TARGETS } from './bench-report';
import { benchProjections } from './projections.bench';
import { buildLog, runBatchAppends, runReadAll, runSingleAppends, runVerify } from './bench-store';
import { elapsedSeconds, now, progress } from './bench-timer';

/**
 * `npm run bench [-- --json] [--events N] [--pg-events N]`: durable appends, batches, readAll and
 * chain verification of the embedded SQLite store, then the projection rebuild (SQLite
 * warm and cold, and into a PostgreSQL the bench starts and stops), register visibility
 * over HTTP, replay and export, each on fresh files in a temporary directory.
 */
const SINGLE_APPENDERS = 64;
const SECONDS = 3;

/** `--name N` on the command line, or undefined. */
const option = (name: string): number | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : Number(process.argv[at + 1]);
};

/** Events of each generated log; `--events N` for a quick run (the targets are for 1M). */
const LOG_EVENTS = option('--events') ?? 1_000_000;

async function main(json: boolean): Promise<void> {
  const started = now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-'));
  const fresh = (name: string): string => path.join(dir, `${name}.db`);
  const events = new BenchEventFactory(`bench-${process.pid}`);
  const removeOnInterrupt = (): void => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', removeOnInterrupt);
  try {
    progress('raw SQLite baseline: one row per FULL commit');
    const baseline = runBaseline(fresh('baseline'), events, 2000, SECONDS);
    progress(`${SINGLE_APPENDERS} concurrent single appenders for ${SECONDS} s`);
    const single = await runSingleAppends(fresh('single'), events, SINGLE_APPENDERS, SECONDS);
    progress('100-event batch appends');
    const batch = await runBatchAppends(fresh('batch'), events, { streams: 4, batchSize: 100, maxEvents: 300_000, seconds: SECONDS });
    progress(`building a ${LOG_EVENTS.toLocaleString('en-US')}-event log (commits of 20 appends × 50 events)`);
    const logFile = fresh('log');
    const build = await buildLog(logFile, events, LOG_EVENTS, 20, 50);
    progress('readAll over the log: decoded (warm, then cold), positions only');
    const read = await runReadAll(logFile, { decode: true });
    const readCold = await runReadAll(logFile, { decode: true, cold: true });
    const positions = await runReadAll(logFile, { decode: false });
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    progress('verifyChains over the log');
    const verify = await runVerify(logFile);
    const logFileMb = fs.statSync(logFile).size / 2 ** 20;
    if (read.events !== LOG_EVENTS || verify.events !== LOG_EVENTS || !verify.ok) {
      throw new Error(`The log is not what was written: read ${read.events}, verified ${verify.events}, ok ${String(verify.ok)}`);
    }
    fs.rmSync(logFile, { force: true });
    progress('projections: rebuild of all read models over 1M events (warm, cold, PostgreSQL), register visibility under load');
    const projections = await benchProjections({ events: LOG_EVENTS, pgEvents: option('--pg-events') });
    progress('audit: compensation replay and NDJSON export over 1M events');
    const audit = await benchAudit({ events: LOG_EVENTS });
    const figures: BenchFigures = {
      baseline_sqlite_single_commit_per_s: baseline.perSecond,
      append_single_durable_per_s: single.perSecond,
      append_single_speedup: single.perSecond / baseline.perSecond,
      append_batch_per_s: batch.perSecond,
      build_1m_events_per_s: build.perSecond,
      read_all_per_s: read.perSecond,
      read_all_cold_per_s: readCold.perSecond,
      read_all_positions_per_s: positions.perSecond,
      verify_chain_per_s: verify.perSecond,
      rss_mb: rssMb,
      ...projections.figures,
      ...audit,
    };
    const report: BenchReport = {
      ...figures,
      targets: TARGETS,
      ceilings: CEILINGS,
      met: metTargets(figures),
      events: { baseline: baseline.commits, single: single.events, batch: batch.events, log: build.events, read: read.events, verify: verify.events },
      details: {
        single_events_per_commit: single.eventsPerCommit,
        batch_events_per_commit: batch.eventsPerCommit,
        build_events_per_commit: build.eventsPerCommit,
        log_streams: verify.streams,
        log_file_mb: logFileMb,
        chains_ok: verify.ok,
        ...projections.details,
      },
      node: process.version,
      cpus: { count: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown' },
      duration_s: elapsedSeconds(started),
    };
    process.stdout.write(`${json ? JSON.stringify(report) : renderTable(report)}\n`);
  } finally {
    process.off('SIGINT', removeOnInterrupt);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.includes('--json')).catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
