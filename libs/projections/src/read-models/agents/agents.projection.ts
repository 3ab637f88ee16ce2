import type { RecordedEvent } from '@vigie/event-store/event-store.port';
import type { Projection, ProjectionTx } from '../../projection';
import type { ReadModelStore } from '../../read-model-store';
import { asDomainEvent } from '../domain-event';

/**
 * The directory of agents ever habilitated. It only enumerates ids: whether an agent is
 * habilitated now is decided on the agent's own stream by the domain's rule.
 */
export const agentsProjection: Projection = {
  name: 'agents',
  version: 1,
  handles: ['AgentHabilitated'],
  tables: [{ name: 'agents', columns: ['agent_id TEXT PRIMARY KEY', 'full_name TEXT NOT NULL', 'first_habilitated_at TEXT NOT NULL'] }],
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    const e = asDomainEvent(event);
    if (e.type !== 'AgentHabilitated') return;
    tx.run(`INSERT INTO ${tx.table('agents')} VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [e.data.agentId, e.data.fullName, e.data.at]);
  },
};

export async function listAgentIds(readStore: ReadModelStore): Promise<string[]> {
  const agents = await readStore.activeTable('agents', 'agents');
  if (!agents) return [];
  return (await readStore.all<{ agent_id: string }>(`SELECT agent_id FROM ${agents} ORDER BY agent_id`)).map((r) => r.agent_id);
}
