/** The figures of one run, as printed with `--json`. */
export interface BenchFigures {
  readonly baseline_sqlite_single_commit_per_s: number;
  readonly append_single_durable_per_s: number;
  readonly append_single_speedup: number;
  readonly append_batch_per_s: number;
  readonly build_1m_events_per_s: number;
  /** Every event decoded (data and metadata parsed), as a consumer reads them. */
  readonly read_all_per_s: number;
  readonly read_all_cold_per_s: number;
  /** Positions only, no JSON parsed: the store's own cost. */
  readonly read_all_positions_per_s: number;
  readonly verify_chain_per_s: number;
  readonly rss_mb: number;
  readonly projection_rebuild_per_s: number;
  readonly projection_rebuild_cold_per_s: number;
  /** On PostgreSQL, over the first events of the same log (details.pg.events); no target. */
  readonly projection_rebuild_pg_per_s: number;
  /** Through HTTP: 201 of POST /v1/requests → GET /v1/requests/:id answers 200. */
  readonly register_visible_ms_p99: number;
  /** Appends straight to the store → RegisterQueries finds the row (no HTTP). */
  readonly register_visible_store_ms_p99: number;
  readonly replay_per_s: number;
  readonly replay_cold_per_s: number;
  readonly export_per_s: number;
}

/** Targets on the reference machine (2 cores); each is a lower bound. */
export const TARGETS = {
  append_single_speedup: 5,
  append_batch_per_s: 60_000,
  read_all_per_s: 250_000,
  verify_chain_per_s: 150_000,
  projection_rebuild_per_s: 100_000,
  replay_per_s: 150_000,
} as const;

/** Upper bounds: a freshly accepted command is visible in the register within 1 second. */
export const CEILINGS = { register_visible_ms_p99: 1000 } as const;

type Target = keyof typeof TARGETS;

export interface BenchReport extends BenchFigures {
  readonly targets: typeof TARGETS;
  readonly ceilings: typeof CEILINGS;
  readonly met: { readonly [K in Target | keyof typeof CEILINGS]: boolean };
  readonly events: { readonly [measure: string]: number };
  readonly details: { readonly [key: string]: unknown };
  readonly node: string;
  readonly cpus: { readonly count: number; readonly model: string };
  readonly duration_s: number;
}

export function metTargets(figures: BenchFigures): BenchReport['met'] {
  return {
    append_single_speedup: figures.append_single_speedup >= TARGETS.append_single_speedup,
    append_batch_per_s: figures.append_batch_per_s >= TARGETS.append_batch_per_s,
    read_all_per_s: figures.read_all_per_s >= TARGETS.read_all_per_s,
    verify_chain_per_s: figures.verify_chain_per_s >= TARGETS.verify_chain_per_s,
    projection_rebuild_per_s: figures.projection_rebuild_per_s >= TARGETS.projection_rebuild_per_s,
    replay_per_s: figures.replay_per_s >= TARGETS.replay_per_s,
    register_visible_ms_p99: figures.register_visible_ms_p99 <= CEILINGS.register_visible_ms_p99,
  };
}

const LABELS: { readonly [K in keyof BenchFigures]: string } = {
  baseline_sqlite_single_commit_per_s: 'raw SQLite, 1 row per FULL commit (commits/s)',
  append_single_durable_per_s: '64 concurrent single appends (events/s)',
  append_single_speedup: '  speedup over the raw baseline (x)',
  append_batch_per_s: '100-event batch appends (events/s)',
  build_1m_events_per_s: 'building the 1M-event log (events/s)',
  read_all_per_s: 'readAll over the log, every event decoded (events/s)',
  read_all_cold_per_s: '  the same, log reopened out of the page cache (events/s)',
  read_all_positions_per_s: '  positions only, no JSON parsed (events/s)',
  verify_chain_per_s: 'verifyChains over the log (events/s)',
  rss_mb: 'RSS after the read (MiB)',
  projection_rebuild_per_s: 'rebuild of all projections, 1M events (events/s)',
  projection_rebuild_cold_per_s: '  the same, log reopened out of the page cache (events/s)',
  projection_rebuild_pg_per_s: '  into PostgreSQL (events/s; count in details.pg)',
  register_visible_ms_p99: 'HTTP: 201 of a filing → GET shows it, p99 (ms)',
  register_visible_store_ms_p99: '  append to the store → register row, p99 (ms)',
  replay_per_s: 'replay of the compensation report, 1M events (events/s)',
  replay_cold_per_s: '  the same, log reopened out of the page cache (events/s)',
  export_per_s: 'NDJSON export, 1M events (events/s)',
};

const format = (value: number): string => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2));

/** A readable table: one line per figure, with its target and whether it was met. */
export function renderTable(report: BenchReport): string {
  const lines = [`Vigie event store benchmark — node ${report.node}, ${report.cpus.count} × ${report.cpus.model}`, ''];
  for (const key of Object.keys(LABELS) as (keyof BenchFigures)[]) {
    const target = key in TARGETS ? TARGETS[key as Target] : undefined;
    const ceiling = key in CEILINGS ? CEILINGS[key as keyof typeof CEILINGS] : undefined;
    const met = report.met[key as keyof BenchReport['met']] ? 'met' : 'NOT MET';
    const verdict =
      target !== undefined ? `  target ≥ ${format(target)}  ${met}` : ceiling !== undefined ? `  target ≤ ${format(ceiling)}  ${met}` : '';
    lines.push(`${LABELS[key].padEnd(58)} ${format(report[key]).padStart(12)}${verdict}`);
  }
  lines.push('', `events: ${JSON.stringify(report.events)}`, `details: ${JSON.stringify(report.details)}`);
  lines.push(`total ${report.duration_s.toFixed(1)} s`);
  return lines.join('\n');
}
