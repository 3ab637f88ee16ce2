/**
 * The figures of one run and how they are judged. A figure is an absolute value with its
 * unit; most are also compared with a baseline measured in the same run (raw SQLite, a
 * minimal NestJS app), because on a shared or different machine the ratio says more about
 * Vigie than the absolute value. Everything here is pure: bench.ts measures, this judges
 * and prints.
 */

/** What a figure must reach. Every bound given must hold; none given: the figure is informative. */
export interface FigureTarget {
  /** value / baseline value, for figures where more is better (throughputs). */
  readonly ratio_at_least?: number;
  /** An absolute ceiling on the value (times, memory). */
  readonly value_at_most?: number;
  /** An absolute ceiling on the p99 latency, for HTTP figures. */
  readonly p99_ms_at_most?: number;
}

/** A figure as measured, before it is compared. */
export interface MeasuredFigure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** The key of the figure it is divided by, measured in the same run. */
  readonly baseline?: string;
  readonly target?: FigureTarget;
  /** HTTP figures: latency percentiles and answers other than the expected 2xx. */
  readonly p50_ms?: number;
  readonly p99_ms?: number;
  readonly non_2xx?: number;
  readonly errors?: number;
  /** What went wrong while measuring (a figure with any is never met). */
  readonly failures?: readonly string[];
  readonly details?: Readonly<Record<string, unknown>>;
  /** One short line printed after the figure in the table (e.g. what /health said). */
  readonly note?: string;
}

/** A figure as printed: the measure, its ratio to its baseline, and whether its target was met and why not. */
export interface Figure extends MeasuredFigure {
  readonly ratio?: number;
  readonly met?: boolean;
  /** Each reason the target was not met; absent when met or without a target. */
  readonly why?: readonly string[];
}

export type Figures = Readonly<Record<string, Figure>>;

export interface BenchReport {
  readonly figures: Figures;
  /** Targets met / figures with a target. */
  readonly summary: { readonly targets: number; readonly met: number; readonly not_met: readonly string[] };
  readonly sections: readonly string[];
  readonly sizes: Readonly<Record<string, number>>;
  readonly details: Readonly<Record<string, unknown>>;
  readonly node: string;
  readonly cpus: { readonly count: number; readonly model: string };
  readonly duration_s: number;
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Compares one figure with its baseline (taken from `all`) and its target. */
export function judgeFigure(figure: MeasuredFigure, all: Readonly<Record<string, MeasuredFigure>>): Figure {
  const base = figure.baseline === undefined ? undefined : all[figure.baseline];
  const ratio = base !== undefined && base.value > 0 && Number.isFinite(figure.value) ? round(figure.value / base.value, 3) : undefined;
  if (figure.target === undefined) return ratio === undefined ? { ...figure } : { ...figure, ratio };
  const why: string[] = [...(figure.failures ?? [])];
  const t = figure.target;
  if ((figure.non_2xx ?? 0) > 0) why.push(`${figure.non_2xx} answers were not the expected 2xx`);
  if ((figure.errors ?? 0) > 0) why.push(`${figure.errors} requests failed (errors or timeouts)`);
  if (!Number.isFinite(figure.value)) why.push('not measured');
  if (t.ratio_at_least !== undefined) {
    if (ratio === undefined) why.push(`baseline ${figure.baseline ?? '(none)'} not measured in this run`);
    else if (ratio < t.ratio_at_least) why.push(`ratio ${ratio} < ${t.ratio_at_least}`);
  }
  if (t.value_at_most !== undefined && figure.value > t.value_at_most) why.push(`${figure.value} ${figure.unit} > ${t.value_at_most}`);
  if (t.p99_ms_at_most !== undefined) {
    if (figure.p99_ms === undefined) why.push('p99 not measured');
    else if (figure.p99_ms > t.p99_ms_at_most) why.push(`p99 ${figure.p99_ms} ms > ${t.p99_ms_at_most} ms`);
  }
  const judged: Figure = { ...figure, ...(ratio === undefined ? {} : { ratio }), met: why.length === 0 };
  return why.length === 0 ? judged : { ...judged, why };
}

/** Whole numbers from 100 up, two decimals below: the precision a run's noise allows. */
export const roundValue = (value: number): number => (!Number.isFinite(value) ? value : Math.abs(value) >= 100 ? Math.round(value) : round(value, 2));

/** Every figure judged (ratios on the unrounded values), in the order measured; `failures` folded into `why`. */
export function judgeFigures(measured: Readonly<Record<string, MeasuredFigure>>): Figures {
  const out: Record<string, Figure> = {};
  for (const [key, figure] of Object.entries(measured)) {
    const { failures, ...judged } = judgeFigure(figure, measured);
    const rounded = { ...judged, value: roundValue(judged.value) };
    out[key] = failures && failures.length > 0 && judged.target === undefined ? { ...rounded, why: failures } : rounded;
  }
  return out;
}

export function summarize(figures: Figures): BenchReport['summary'] {
  const judged = Object.entries(figures).filter(([, f]) => f.met !== undefined);
  return { targets: judged.length, met: judged.filter(([, f]) => f.met).length, not_met: judged.filter(([, f]) => !f.met).map(([k]) => k) };
}

export const formatValue = (value: number): string => {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
};

/** The target in words: `≥ 0.6 × raw_insert`, `≤ 250 MiB`, `p99 ≤ 30 ms`. */
export function describeTarget(figure: Figure): string {
  const t = figure.target;
  if (t === undefined) return '';
  const parts: string[] = [];
  if (t.ratio_at_least !== undefined) parts.push(`≥ ${t.ratio_at_least} ×`);
  if (t.value_at_most !== undefined) parts.push(`≤ ${formatValue(t.value_at_most)} ${figure.unit}`);
  if (t.p99_ms_at_most !== undefined) parts.push(`p99 ≤ ${t.p99_ms_at_most} ms`);
  return parts.join(', ');
}

const verdict = (figure: Figure): string => (figure.met === undefined ? '' : figure.met ? 'met' : `NOT MET (${(figure.why ?? []).join('; ')})`);

/**
 * A readable table, one line per figure: the value and unit, the ratio to its baseline
 * (named), the target and the verdict; HTTP figures add p50/p99 and the non-2xx count.
 */
export function renderTable(report: BenchReport): string {
  const lines = [`Vigie benchmark — node ${report.node}, ${report.cpus.count} × ${report.cpus.model}; sections: ${report.sections.join(', ')}`, ''];
  const keys = Object.keys(report.figures);
  const labelWidth = Math.max(40, ...keys.map((k) => report.figures[k].label.length)) + 1;
  for (const key of keys) {
    const f = report.figures[key];
    const value = `${formatValue(f.value)} ${f.unit}`.padStart(18);
    const ratio = f.ratio === undefined ? ''.padEnd(30) : `${f.ratio.toFixed(3)} × ${f.baseline}`.padEnd(30);
    const target = describeTarget(f).padEnd(26);
    const http =
      f.non_2xx === undefined ? '' : `  p50 ${f.p50_ms ?? 'n/a'} ms, p99 ${f.p99_ms ?? 'n/a'} ms, non-2xx ${f.non_2xx}, errors ${f.errors ?? 0}`;
    const noTargetWhy = f.met === undefined && f.why ? `  (${f.why.join('; ')})` : '';
    const note = f.note === undefined ? '' : `  ${f.note}`;
    lines.push(`${f.label.padEnd(labelWidth)} ${value}  ${ratio} ${target} ${verdict(f)}${http}${noTargetWhy}${note}`.trimEnd());
  }
  const s = report.summary;
  lines.push('', `targets met: ${s.met}/${s.targets}${s.not_met.length > 0 ? `; not met: ${s.not_met.join(', ')}` : ''}`);
  lines.push(`sizes: ${JSON.stringify(report.sizes)}`, `details: ${JSON.stringify(report.details)}`, `total ${report.duration_s.toFixed(1)} s`);
  return lines.join('\n');
}
