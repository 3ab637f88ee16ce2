#!/usr/bin/env node
import { ownerOnlyFiles } from '@vigie/runtime';
import { run } from './cli';

// Like the API and the worker: whatever the CLI writes (stores, backups, exports) is owner-only.
ownerOnlyFiles();

// `vigie export --json | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** The `vigie` bin: the process's streams, environment and directory; the exit code as run() says. */
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
