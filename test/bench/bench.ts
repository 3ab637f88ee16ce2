import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@vigie/event-store';
import { generateAuditLog } from './audit-log.generator';
import { benchAudit } from './audit.bench';
import { runBaseline } from './bench-baseline';
import { BenchEventFactory } from './bench-events';
import { runRawInsert, runRawScan } from './bench-raw';
import { measureReadMemory } from './bench-rss';
import { judgeFigures, renderTable, summarize, type BenchReport, type MeasuredFigure } from './bench-report';
import { medianOfRounds } from './bench-rounds';
import { buildLog, runBatchAppends, runReadAll, runSingleAppends, runVerify } from './bench-store';
import { elapsedSeconds, now, progress } from './bench-timer';
import { benchHistory } from './http/history.bench';
import { benchBigRestart, benchNpmRestart } from './http/restart.bench';
import { benchHttp, routesToLoad } from './http/vigie-http.bench';
import { benchProjections } from './projections.bench';

/**
 * `npm run -s bench [-- --json] [--only store,projections,audit,http,history,restart]
 * [--events N] [--rounds N] [--http-seconds N] [--routes health,register,...] [--pg-events N]`: every figure with its ratio to a
 * baseline measured in the same run (raw better-sqlite3 on the same file layout, a
 * minimal NestJS app), its target and whether it was met; see docs/performance.md.
 * Without options everything runs at the targets' sizes (1M events, 10 s per HTTP load).
 */
const SECTIONS = ['store', 'projections', 'audit', 'http', 'history', 'restart'] as const;
type Section = (typeof SECTIONS)[number];
const SINGLE_APPENDERS = 64;
const SECONDS = 3;
const BATCH = { streams: 4, batchSize: 100, maxEvents: 300_000, seconds: SECONDS } as const;

/** `--name N` on the command line, or undefined. */
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const numberOption = (name: string): number | undefined => {
  const raw = option(name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} takes a whole number, got ${raw}`);
  return Number(raw);
};

function sectionsToRun(): Section[] {
  const only = option('--only');
  if (only === undefined) return [...SECTIONS];
  const asked = only.split(',').map((s) => s.trim());
  const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`--only takes ${SECTIONS.join(', ')}; unknown: ${unknown.join(', ')}`);
  return SECTIONS.filter((s) => asked.includes(s));
}

/** The store's own figures, each next to its raw better-sqlite3 counterpart, measured in turn over `rounds` rounds. */
async function benchStore(dir: string, logEvents: number, rounds: number, figures: Record<string, MeasuredFigure>, sizes: Record<string, number>, details: Record<string, unknown>): Promise<void> {
  const events = new BenchEventFactory(`bench-${process.pid}`);
  const n = logEvents.toLocaleString('en-US');
  const perRound: Record<string, number[]> = {};
  details.store_rounds = { rounds, per_second: perRound };
  /** A new file for one measure of one round, removed once measured (a batch load leaves about 100 MB). */
  const onFreshFile = <R>(name: string, measure: (file: string) => R | Promise<R>) => async (round: number): Promise<R> => {
    const file = path.join(dir, `${name}-${round}.db`);
    try {
      return await measure(file);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    }
  };
  progress(`store: raw SQLite one row per FULL commit, then ${SINGLE_APPENDERS} concurrent single appenders, ${SECONDS} s each, ${rounds} rounds`);
  const { raw_single_commit: baseline, append_single: single } = await medianOfRounds(
    rounds,
    {
      raw_single_commit: onFreshFile('baseline', (file) => runBaseline(file, events, 2000, SECONDS)),
      append_single: onFreshFile('single', (file) => runSingleAppends(file, events, SINGLE_APPENDERS, SECONDS)),
    },
    perRound,
  );
  progress(`store: raw SQLite multi-row INSERT, then 100-event batch appends, 100 rows per FULL commit, ${rounds} rounds`);
  const { raw_insert: rawInsert, append_batch: batch } = await medianOfRounds(
    rounds,
    {
      raw_insert: onFreshFile('raw-insert', (file) => runRawInsert(file, events, BATCH)),
      append_batch: onFreshFile('batch', (file) => runBatchAppends(file, events, BATCH)),
    },
    perRound,
  );
  progress(`store: building a ${n}-event log (commits of 20 appends × 50 events)`);
  const logFile = path.join(dir, 'log.db');
  const build = await buildLog(logFile, events, logEvents, 20, 50);
  /** Every round must have read the whole log, and every verification found it intact, not only the median ones. */
  const whole = <R extends { readonly events: number; readonly ok?: boolean }>(what: string, result: R): R => {
    if (result.events !== logEvents || result.ok === false) {
      throw new Error(`The log is not what was written: ${what} read ${result.events} of ${logEvents} events${result.ok === false ? ', chains broken' : ''}`);
    }
    return result;
  };
  progress(`store: raw scans, readAll decoded and verifyChains in turn, ${rounds} rounds; then cold, and positions only`);
  const { raw_scan: rawScan, raw_scan_parsed: rawParsed, raw_scan_hashed: rawHashed, read_all: read, verify_chains: verify } = await medianOfRounds(
    rounds,
    {
      raw_scan: () => whole('the raw scan', runRawScan(logFile)),
      raw_scan_parsed: () => whole('the parsing scan', runRawScan(logFile, { work: 'parse' })),
      raw_scan_hashed: () => whole('the hashing scan', runRawScan(logFile, { work: 'hash' })),
      read_all: async () => whole('readAll', await runReadAll(logFile, { decode: true })),
      verify_chains: async () => whole('verifyChains', await runVerify(logFile)),
    },
    perRound,
  );
  const rawScanCold = whole('the cold raw scan', runRawScan(logFile, { cold: true }));
  const readCold = whole('the cold readAll', await runReadAll(logFile, { decode: true, cold: true }));
  const positions = whole('readAll of positions', await runReadAll(logFile, { decode: false }));
  progress('store: readAll decoded in a fresh process, for its memory');
  const memory = whole('the memory child', measureReadMemory(logFile));
  details.log_file_mb = Math.round(fs.statSync(logFile).size / 2 ** 20);
  fs.rmSync(logFile, { force: true });
  Object.assign(figures, {
    raw_single_commit: { label: 'raw SQLite, 1 row per FULL commit', value: baseline.perSecond, unit: 'commits/s' },
    append_single: { label: `${SINGLE_APPENDERS} concurrent single appends`, value: single.perSecond, unit: 'events/s', baseline: 'raw_single_commit', target: { ratio_at_least: 5 } },
    raw_insert: { label: 'raw SQLite, 100-row INSERT per FULL commit', value: rawInsert.perSecond, unit: 'events/s' },
    append_batch: { label: '100-event batch appends', value: batch.perSecond, unit: 'events/s', baseline: 'raw_insert', target: { ratio_at_least: 0.6 } },
    build_log: { label: `building the ${n}-event log (1,000-event commits)`, value: build.perSecond, unit: 'events/s', baseline: 'raw_insert' },
    raw_scan: { label: `raw SQLite scan, all columns (${n} events)`, value: rawScan.perSecond, unit: 'events/s' },
    raw_scan_cold: { label: '  the same, out of the page cache', value: rawScanCold.perSecond, unit: 'events/s' },
    raw_scan_parsed: { label: '  the same, plus JSON.parse of data and metadata (what parsing adds)', value: rawParsed.perSecond, unit: 'events/s', baseline: 'raw_scan' },
    raw_scan_hashed: { label: '  the same, plus one SHA-256 link per row (what hashing adds)', value: rawHashed.perSecond, unit: 'events/s', baseline: 'raw_scan' },
    read_all: { label: 'readAll, every event decoded', value: read.perSecond, unit: 'events/s', baseline: 'raw_scan', target: { ratio_at_least: 0.6 } },
    read_all_cold: { label: '  the same, out of the page cache', value: readCold.perSecond, unit: 'events/s', baseline: 'raw_scan_cold' },
    read_all_positions: { label: '  positions only, no JSON parsed', value: positions.perSecond, unit: 'events/s', baseline: 'raw_scan' },
    rss_after_read: { label: `peak RSS of a fresh process reading ${n} events`, value: memory.max_rss_mb, unit: 'MiB', target: { value_at_most: 250 } },
    verify_chains: { label: 'verifyChains (every hash recomputed)', value: verify.perSecond, unit: 'events/s', baseline: 'raw_scan', target: { ratio_at_least: 0.8 } },
  } satisfies Record<string, MeasuredFigure>);
  Object.assign(sizes, { single: single.events, raw_insert: rawInsert.events, batch: batch.events, log: build.events });
  details.read_memory = memory;
  Object.assign(details, { single_events_per_commit: single.eventsPerCommit, batch_events_per_commit: batch.eventsPerCommit, log_streams: verify.streams });
}

/** The audit log (every event type) shared by projections, audit and restart, with its raw scans. */
async function makeAuditLog(dir: string, events: number, figures: Record<string, MeasuredFigure>, details: Record<string, unknown>): Promise<{ file: string; events: number }> {
  progress(`audit log: generating ${events.toLocaleString('en-US')} events of every type`);
  const file = path.join(dir, 'audit-log', 'events.db');
  fs.mkdirSync(path.dirname(file));
  const types = new Map<string, number>();
  const store = SqliteEventStore.open({ path: file });
  const started = now();
  let written: number;
  try {
    written = await generateAuditLog(store, events, types);
  } finally {
    await store.close();
  }
  details.audit_log = { generated_s: Math.round(elapsedSeconds(started)), mb: Math.round(fs.statSync(file).size / 2 ** 20), types: Object.fromEntries([...types].sort((x, y) => y[1] - x[1])) };
  const warm = runRawScan(file);
  const cold = runRawScan(file, { cold: true });
  const n = written.toLocaleString('en-US');
  figures.raw_scan_audit_log = { label: `raw SQLite scan of the audit log (${n} events)`, value: warm.perSecond, unit: 'events/s' };
  figures.raw_scan_audit_log_cold = { label: '  the same, out of the page cache', value: cold.perSecond, unit: 'events/s' };
  return { file, events: written };
}

async function main(json: boolean): Promise<void> {
  const started = now();
  const sections = sectionsToRun();
  const logEvents = numberOption('--events') ?? 1_000_000;
  const httpSeconds = numberOption('--http-seconds') ?? 10;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-'));
  const removeOnInterrupt = (): void => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', removeOnInterrupt);
  const figures: Record<string, MeasuredFigure> = {};
  const sizes: Record<string, number> = { log_events: logEvents, http_seconds: httpSeconds };
  const details: Record<string, unknown> = {};
  try {
    if (sections.includes('store')) await benchStore(dir, logEvents, numberOption('--rounds') ?? 3, figures, sizes, details);
    let auditLog: { file: string; events: number } | undefined;
    const audit = async (): Promise<{ file: string; events: number }> => (auditLog ??= await makeAuditLog(dir, logEvents, figures, details));
    if (sections.includes('projections')) {
      progress('projections: rebuild of all read models (warm, cold, PostgreSQL), register visibility');
      const projections = await benchProjections({ log: await audit(), pgEvents: numberOption('--pg-events') });
      Object.assign(figures, projections.figures);
      details.projections = projections.details;
    }
    if (sections.includes('audit')) {
      progress('audit: compensation replay and NDJSON export');
      Object.assign(figures, await benchAudit(await audit()));
    }
    let httpDataDir: string | undefined;
    if (sections.includes('http')) {
      const http = await benchHttp(dir, httpSeconds, routesToLoad(option('--routes')));
      Object.assign(figures, http.figures);
      httpDataDir = http.dataDir;
      sizes.http_requests_filed = http.requestsFiled;
    }
    if (sections.includes('history')) Object.assign(figures, await benchHistory(dir, httpSeconds));
    if (sections.includes('restart')) {
      figures.restart_npm_start = await benchNpmRestart(dir, httpDataDir);
      const log = await audit();
      Object.assign(figures, await benchBigRestart(dir, log.file, log.events));
    }
    const judged = judgeFigures(figures);
    const report: BenchReport = {
      figures: judged,
      summary: summarize(judged),
      sections,
      sizes,
      details,
      node: process.version,
      cpus: { count: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown' },
      duration_s: Math.round(elapsedSeconds(started) * 10) / 10,
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
