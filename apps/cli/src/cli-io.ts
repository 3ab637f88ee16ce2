import type { Clock } from '@vigie/domain';

/** Where a command writes and what it reads: the process in main.ts, buffers in tests. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Defaults to the system clock; tests inject a fixed one. */
  readonly clock?: Clock;
}

/** The exit codes of docs/api.md → Command line. */
export const EXIT = { ok: 0, checkFailed: 1, badUsage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Bad usage or bad input (exit 2): its message is the one line printed on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One line, whatever the message: a caller parsing stderr never sees a stack trace. */
export const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ').trim();
