import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * Drops a closed SQLite file (and its WAL) from the OS page cache, so the next open reads
 * from the disk as after a restart of the machine. Only these files are touched: other
 * processes keep their cache. Flushed first, since dirty pages cannot be dropped.
 * Returns false where the tools are missing (the figure is then a warm one).
 */
export function evictFromPageCache(file: string): boolean {
  try {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      if (!fs.existsSync(f)) continue;
      execFileSync('sync', [f]);
      execFileSync('dd', [`if=${f}`, 'iflag=nocache', 'count=0', 'status=none']);
    }
    return true;
  } catch {
    return false;
  }
}
