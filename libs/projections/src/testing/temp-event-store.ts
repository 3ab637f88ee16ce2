import { SqliteEventStore } from '@vigie/event-store/sqlite/sqlite-event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real SQLite event store in a directory of its own, removed when the store closes: what
 * the projections read in production (rows parsed lazily, ids unique per stream), not a stand-in.
 */
export function openTempEventStore(): SqliteEventStore {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-events-'));
  const store = SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 20 });
  const close = store.close.bind(store);
  store.close = async () => {
    try {
      await close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return store;
}
