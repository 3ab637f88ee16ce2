import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore, type EventToAppend } from '@vigie/event-store';
import { ProjectionRunner, ReadStore, RegisterQueries, SqliteReadStore } from '@vigie/projections';
import { ALL_PROJECTIONS } from '@vigie/runtime/all-projections';
import { evictFromPageCache } from './bench-cache';
import type { MeasuredFigure } from './bench-report';
import { startBenchPostgres } from './bench-postgres';
import { progress } from './bench-timer';
import { pgRebuild, type PgRebuildResult } from './projections-postgres.bench';
import { registerVisibilityOverHttp } from './register-visibility.bench';

export interface ProjectionBenchOptions {
  /** The audit log (audit-log.generator) the projections are rebuilt from, and its event count. */
  readonly log: { readonly file: string; readonly events: number };
  /** Events of that log rebuilt into PostgreSQL (default 200,000); 0 skips PostgreSQL. */
  readonly pgEvents?: number;
  /** Filings whose visibility in the register is timed (default 2,000). */
  readonly filings?: number;
  /** Concurrent writers appending those filings (default 16). */
  readonly writers?: number;
}

export interface ProjectionDetails {
  readonly pg: Omit<PgRebuildResult, 'perSecond'> | undefined;
  readonly cold_cache_evicted: boolean;
  readonly http_sent_to_visible_ms_p99: number;
  readonly http_filings: number;
}

const quiet = { log: (): void => undefined, error: (m: string): void => void process.stderr.write(`${m}\n`) };

/** Every projection caught up from position 0 on a new read.db: the events per second. */
async function rebuildInto(store: SqliteEventStore, readDb: string, events: number): Promise<number> {
  const readStore = ReadStore.open({ path: readDb });
  try {
    const head = await store.headPosition();
    const runner = new ProjectionRunner({ store, readStore, projections: ALL_PROJECTIONS, logger: quiet });
    const started = performance.now();
    await runner.start();
    await runner.waitFor(head, 30 * 60 * 1000);
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();
    return Math.round(events / seconds);
  } finally {
    readStore.close();
  }
}

/**
 * The rebuild over a realistic log: warm (the log's pages cached), cold (dropped from
 * the page cache first), each to be divided by the raw scan of the same file in the same
 * state (raw_scan_audit_log, measured by bench.ts), then into PostgreSQL over the first
 * `pgEvents` events of the same log.
 */
async function rebuildRates(dir: string, log: ProjectionBenchOptions['log'], pgEvents: number): Promise<{ figures: Record<string, MeasuredFigure>; pg: ProjectionDetails['pg']; evicted: boolean }> {
  const { file, events } = log;
  let store = SqliteEventStore.open({ path: file });
  let warm: number;
  try {
    warm = await rebuildInto(store, path.join(dir, 'read-warm.db'), events);
  } finally {
    await store.close();
  }
  const evicted = evictFromPageCache(file);
  store = SqliteEventStore.open({ path: file });
  try {
    const cold = await rebuildInto(store, path.join(dir, 'read-cold.db'), events);
    let pg: PgRebuildResult | undefined;
    if (pgEvents > 0) {
      progress(`projections: rebuild into PostgreSQL over the first ${Math.min(pgEvents, events).toLocaleString('en-US')} events`);
      const server = await startBenchPostgres();
      try {
        pg = await pgRebuild(store, server, 'rebuild', BigInt(Math.min(pgEvents, events)));
      } finally {
        await server.stop();
      }
    }
    const { perSecond, ...pgDetails } = pg ?? { perSecond: 0 };
    const n = events.toLocaleString('en-US');
    return {
      figures: {
        projection_rebuild: { label: `rebuild of all projections (${n} events)`, value: warm, unit: 'events/s', baseline: 'raw_scan_audit_log', target: { ratio_at_least: 0.35 } },
        projection_rebuild_cold: { label: '  the same, out of the page cache', value: cold, unit: 'events/s', baseline: 'raw_scan_audit_log_cold' },
        ...(pg === undefined
          ? {}
          : { projection_rebuild_pg: { label: `  into PostgreSQL (first ${pg.events.toLocaleString('en-US')} events)`, value: perSecond, unit: 'events/s', baseline: 'raw_scan_audit_log' } }),
      },
      pg: pg ? (pgDetails as Omit<PgRebuildResult, 'perSecond'>) : undefined,
      evicted,
    };
  } finally {
    await store.close();
  }
}

const filing = (writer: number, n: number, at: string): { streamId: string; requestId: string; event: EventToAppend } => {
  const requestId = `${writer.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  return {
    streamId: `request-${requestId}`,
    requestId,
    event: {
      eventId: `${writer.toString(16).padStart(8, '0')}-1111-4000-8000-${n.toString(16).padStart(12, '0')}`,
      type: 'RequestFiled',
      data: {
        requestId,
        kind: 'subscriber-identification',
        legalBasis: 'L2321-3 al. 1',
        operatorId: '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b301',
        addresseeRole: 'electronic-communications',
        agentId: '6f1c2a52-8a0e-4c53-9d0e-1a2b3c4d5e01',
        decisionRef: 'PM-2026-0001',
        systemStatus: 'attacked',
        identifiers: [{ type: 'ipv4', value: '203.0.113.7', port: 443, observedAt: at }],
        fields: ['identity', 'emailAddress'],
        justification: 'Botnet command server observed on this address',
        filedAt: at,
      },
      metadata: { occurredAt: at, actor: { id: 'p-bench', role: 'agent' }, commandId: requestId, correlationId: requestId, causationId: requestId, schemaVersion: 1 },
    },
  };
};

/** p99 of (append accepted → row visible through RegisterQueries), writers racing the runner, no HTTP. */
async function visibilityP99(dir: string, filings: number, writers: number): Promise<number> {
  const store = SqliteEventStore.open({ path: path.join(dir, 'live-events.db') });
  const readStore = ReadStore.open({ path: path.join(dir, 'live-read.db') });
  const runner = new ProjectionRunner({ store, readStore, projections: ALL_PROJECTIONS, logger: quiet });
  const register = new RegisterQueries(new SqliteReadStore(readStore));
  const latencies: number[] = [];
  try {
    await runner.start();
    const writer = async (w: number): Promise<void> => {
      for (let n = 0; n < Math.ceil(filings / writers); n++) {
        const f = filing(w, n, new Date(Date.UTC(2026, 2, 2, 9, 0, 0, n)).toISOString());
        await store.append(f.streamId, [f.event], 'no-stream');
        const accepted = performance.now();
        while (!(await register.findRequest(f.requestId))) await new Promise((resolve) => setImmediate(resolve));
        latencies.push(performance.now() - accepted);
      }
    };
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  } finally {
    await runner.stop();
    readStore.close();
    await store.close();
  }
  latencies.sort((a, b) => a - b);
  return Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] * 10) / 10;
}

/** The projection figures of `npm run bench`: rebuild throughput (SQLite warm and cold, PostgreSQL) against a raw scan, and register visibility. */
export async function benchProjections(options: ProjectionBenchOptions): Promise<{ figures: Record<string, MeasuredFigure>; details: ProjectionDetails }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-projections-'));
  try {
    const rebuild = await rebuildRates(dir, options.log, options.pgEvents ?? 200_000);
    progress('projections: register visibility, appends straight to the store');
    const storeP99 = await visibilityP99(dir, options.filings ?? 2000, options.writers ?? 16);
    progress('projections: register visibility over HTTP (POST /v1/requests, then GET until visible)');
    const http = await registerVisibilityOverHttp(options.filings ?? 2000, options.writers ?? 16);
    return {
      figures: {
        ...rebuild.figures,
        register_visible_ms_p99: { label: 'HTTP: 201 of a filing → GET shows it, p99', value: http.acceptedToVisibleP99, unit: 'ms', target: { value_at_most: 1000 } },
        register_visible_store_ms_p99: { label: '  append to the store → register row, p99', value: storeP99, unit: 'ms' },
      },
      details: { pg: rebuild.pg, cold_cache_evicted: rebuild.evicted, http_sent_to_visible_ms_p99: http.sentToVisibleP99, http_filings: http.filings },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
