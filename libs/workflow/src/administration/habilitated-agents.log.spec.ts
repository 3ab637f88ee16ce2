import { agentStream } from '@vigie/domain';
import { SqliteEventStore } from '@vigie/event-store';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { habilitatedAgentIds } from './habilitated-agents.log';

describe('habilitatedAgentIds (read from the log)', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const habilitate = (streamId: string, agentId: string) =>
    store.append(streamId, [{ eventId: randomUUID(), type: 'AgentHabilitated', data: { agentId }, metadata: {} }], 'any');

  it('sees an agent habilitated just before the call, on later calls too, and only on its own stream', async () => {
    await habilitate(agentStream('a-2'), 'a-2');
    expect(await habilitatedAgentIds(store)).toEqual(['a-2']);
    await habilitate(agentStream('a-1'), 'a-1');
    await habilitate('elsewhere-1', 'a-3');
    expect(await habilitatedAgentIds(store)).toEqual(['a-1', 'a-2']);
  });
});
