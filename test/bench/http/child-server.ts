import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A server in a child process of its own (its own process group, so `npm start` and the
 * node it starts stop together), its stdout and stderr going to a file rather than
 * through the bench process: the load generator keeps its CPU, as a real client would.
 */
export interface ChildServer {
  readonly child: ChildProcess;
  readonly logFile: string;
  /** performance.now() at spawn. */
  readonly spawnedAt: number;
  /** The port read from the server's output (see `portPattern`). */
  port(timeoutMs: number): Promise<number>;
  log(): string;
  /** SIGTERM to the whole group, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
}

export interface SpawnOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
  /** The first capture group is the port, e.g. Vigie's `"port":43210` in its process.start line. */
  readonly portPattern: RegExp;
}

/** Process groups still running: killed if the bench exits first (an error, Ctrl-C). */
const running = new Set<number>();
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export function spawnServer(options: SpawnOptions): ChildServer {
  const out = fs.openSync(options.logFile, 'a');
  const spawnedAt = performance.now();
  const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  running.add(child.pid as number);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child.pid as number);
      resolve((exitCode = code ?? (signal ? 128 : null)));
    }),
  );
  const log = (): string => fs.readFileSync(options.logFile, 'utf8');
  return {
    child,
    logFile: options.logFile,
    spawnedAt,
    log,
    async port(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        const match = options.portPattern.exec(log());
        if (match) return Number(match[1]);
        if (exitCode !== undefined) throw new Error(`${options.command} ${options.args.join(' ')} exited (${exitCode}): ${log().slice(-2000)}`);
        await sleep(20);
      }
      throw new Error(`No port in the output of ${options.command} ${options.args.join(' ')} within ${timeoutMs} ms: ${log().slice(-2000)}`);
    },
    async stop(graceMs = 15_000) {
      if (exitCode !== undefined) return exitCode;
      try {
        process.kill(-(child.pid as number), 'SIGTERM');
      } catch {
        return exited;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {
          // already gone
        }
      }, graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `url` until it answers 200; returns the answer's JSON body and when it came. */
export async function waitFor200(url: string, timeoutMs: number, intervalMs = 10): Promise<{ body: unknown; at: number }> {
  const deadline = performance.now() + timeoutMs;
  let last = '';
  while (performance.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const text = await res.text();
      if (res.status === 200) return { body: JSON.parse(text) as unknown, at: performance.now() };
      last = `${res.status} ${text.slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}
