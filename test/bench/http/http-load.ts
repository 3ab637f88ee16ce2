import autocannon from 'autocannon';
import type { FigureTarget, MeasuredFigure } from '../bench-report';

export interface LoadOptions {
  readonly label: string;
  readonly url: string;
  readonly seconds: number;
  readonly connections: number;
  /** The one status every counted answer must have (200, 201). */
  readonly expectedStatus: number;
  readonly requests: autocannon.AutocannonRequest[];
  readonly baseline?: string;
  readonly target?: FigureTarget;
  /** Asked after the run: a failure of the set-up the load relied on (e.g. ids ran out). */
  readonly failures?: () => string[];
}

const percentile = (sorted: Float64Array, p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] * 100) / 100;

/**
 * One autocannon run in this process against a server in another: every answer's status
 * and latency are taken from autocannon's response events, so the figure counts only what
 * was answered, and anything but `expectedStatus` (another 2xx included) is reported.
 */
export async function runLoad(options: LoadOptions): Promise<MeasuredFigure> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, connections: options.connections, duration: options.seconds, timeout: 30, requests: options.requests },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  const expected = statuses.get(options.expectedStatus) ?? 0;
  const unexpected = latencies.length - expected;
  const failures = [...(options.failures?.() ?? [])];
  if (latencies.length === 0) failures.push(`no answer within ${options.seconds} s`);
  if (unexpected > 0) failures.push(`statuses ${JSON.stringify(Object.fromEntries(statuses))}, expected only ${options.expectedStatus}`);
  return {
    label: options.label,
    value: Math.round(expected / result.duration),
    unit: 'req/s',
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(sorted.length === 0 ? {} : { p50_ms: percentile(sorted, 0.5), p99_ms: percentile(sorted, 0.99) }),
    non_2xx: unexpected,
    errors: result.errors,
    ...(failures.length > 0 ? { failures } : {}),
    details: { answers: latencies.length, seconds: result.duration, connections: options.connections },
  };
}

/** Sends `count` requests as fast as `connections` allow, outside any measure (setting a store up). */
export async function fire(url: string, count: number, connections: number, requests: autocannon.AutocannonRequest[]): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url, connections, amount: count, timeout: 30, requests }, (error) => (error ? reject(error) : resolve()));
    instance.on('response', (_client: unknown, status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  });
  return statuses;
}
