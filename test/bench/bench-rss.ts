import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface ReadMemory {
  readonly events: number;
  /** After opening the store, before the first event: the runtime and the loaded code. */
  readonly rss_before_mb: number;
  readonly rss_after_mb: number;
  readonly heap_after_mb: number;
  /** The high-water mark of the process, the read included. */
  readonly max_rss_mb: number;
}

/**
 * Reads the whole log, decoded, in a child process and returns its memory. Measured in
 * the bench process, RSS held everything the earlier sections had allocated (the events
 * generated for the appends, freed heap V8 keeps, other connections' page caches), which
 * said nothing about what reading costs; a fresh process's peak does.
 */
export function measureReadMemory(file: string): ReadMemory {
  const root = path.resolve(__dirname, '..', '..');
  const out = execFileSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'read-rss.child.ts'), file], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as ReadMemory;
}
