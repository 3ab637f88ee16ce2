import * as fs from 'node:fs';
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
  /** The server's process: its CPU time over the load is reported per answer (Linux). */
  readonly serverPid?: number;
}

/**
 * CPU time (user + system, all threads) a process has used, in ms, from /proc (Linux);
 * undefined elsewhere. Per answer, it says what a request costs the server even when
 * other work shares the machine, which throughput and its ratio do not.
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from its closing parenthesis: utime is the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100;

const percentile = (sorted: Float64Array, p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] * 100) / 100;

/**
 * One autocannon run in this process against a server in another: every answer's status
 * and latency are taken from autocannon's response events, so the figure counts only what
 * was answered, and anything but `expectedStatus` (another 2xx included) is reported.
 */
export async function runLoad(options: LoadOptions): Promise<MeasuredFigure> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const cpuBefore = options.serverPid === undefined ? undefined : processCpuMs(options.serverPid);
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
  const cpuAfter = options.serverPid === undefined ? undefined : processCpuMs(options.serverPid);
  const serverCpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
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
    details: {
      answers: latencies.length,
      seconds: result.duration,
      connections: options.connections,
      ...(serverCpuMs === undefined || latencies.length === 0
        ? {}
        : { server_cpu_ms: Math.round(serverCpuMs), server_cpu_us_per_answer: Math.round((serverCpuMs * 1000) / latencies.length) }),
    },
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
