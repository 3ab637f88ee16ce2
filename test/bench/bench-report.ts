/** The figures of one run, as printed with `--json`. */
export interface BenchFigures {
  readonly baseline_sqlite_single_commit_per_s: number;
  readonly append_single_durable_per_s: number;
  readonly append_single_speedup: number;
  readonly append_batch_per_s: number;
  readonly build_1m_events_per_s: number;
  readonly read_all_per_s: number;
  readonly verify_chain_per_s: number;
  readonly rss_mb: number;
}

/** Targets on the reference machine (2 cores); each is a lower bound. */
export const TARGETS = {
  append_single_speedup: 5,
  append_batch_per_s: 60_000,
  read_all_per_s: 250_000,
  verify_chain_per_s: 150_000,
} as const;

type Target = keyof typeof TARGETS;

export interface BenchReport extends BenchFigures {
  readonly targets: typeof TARGETS;
  readonly met: { readonly [K in Target]: boolean };
  readonly events: { readonly [measure: string]: number };
  readonly details: { readonly [key: string]: number | boolean };
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
  };
}

const LABELS: { readonly [K in keyof BenchFigures]: string } = {
  baseline_sqlite_single_commit_per_s: 'raw SQLite, 1 row per FULL commit (commits/s)',
  append_single_durable_per_s: '64 concurrent single appends (events/s)',
  append_single_speedup: '  speedup over the raw baseline (x)',
  append_batch_per_s: '100-event batch appends (events/s)',
  build_1m_events_per_s: 'building the 1M-event log (events/s)',
  read_all_per_s: 'readAll over the log (events/s)',
  verify_chain_per_s: 'verifyChains over the log (events/s)',
  rss_mb: 'RSS after the read (MiB)',
};

const format = (value: number): string => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2));

/** A readable table: one line per figure, with its target and whether it was met. */
export function renderTable(report: BenchReport): string {
  const lines = [`Vigie event store benchmark — node ${report.node}, ${report.cpus.count} × ${report.cpus.model}`, ''];
  for (const key of Object.keys(LABELS) as (keyof BenchFigures)[]) {
    const target = key in TARGETS ? TARGETS[key as Target] : undefined;
    const verdict = target === undefined ? '' : `  target ≥ ${format(target)}  ${report.met[key as Target] ? 'met' : 'NOT MET'}`;
    lines.push(`${LABELS[key].padEnd(48)} ${format(report[key]).padStart(12)}${verdict}`);
  }
  lines.push('', `events: ${JSON.stringify(report.events)}`, `details: ${JSON.stringify(report.details)}`);
  lines.push(`total ${report.duration_s.toFixed(1)} s`);
  return lines.join('\n');
}
