import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeEventStoreContract } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
  const file = path.join(dir, 'events.db');
  let store = SqliteEventStore.open({ path: file, pollIntervalMs: 50 });
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = SqliteEventStore.open({ path: file, pollIntervalMs: 50 });
      return store;
    },
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
