import { performance } from 'node:perf_hooks';

export const now = (): number => performance.now();

export const elapsedSeconds = (start: number): number => (performance.now() - start) / 1000;

/** Progress goes to stderr, so that `--json` leaves exactly one object on stdout. */
export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
