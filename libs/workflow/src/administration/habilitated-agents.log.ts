import { agentStream } from '@vigie/domain';
import type { EventStore } from '@vigie/event-store';

/**
 * Every agent ever habilitated, read from the log itself up to its head, never from a
 * read model: the list transmitted to the ARCEP (L2321-3 al. 1) must not miss an agent
 * habilitated a moment earlier because a projection lags or its worker is down. The
 * scan resumes where the previous one stopped, so only new events are read each time.
 */
class AgentLogIndex {
  private readonly agentIds = new Set<string>();
  private after = 0n;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  list(): Promise<readonly string[]> {
    const run = this.queue.then(() => this.catchUp());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async catchUp(): Promise<readonly string[]> {
    for await (const event of this.store.readAll({ after: this.after })) {
      this.after = event.position;
      const agentId = event.data['agentId'];
      if (event.type === 'AgentHabilitated' && typeof agentId === 'string' && event.streamId === agentStream(agentId)) {
        this.agentIds.add(agentId);
      }
    }
    return [...this.agentIds].sort();
  }
}

const indexes = new WeakMap<EventStore, AgentLogIndex>();

export function habilitatedAgentIds(store: EventStore): Promise<readonly string[]> {
  let index = indexes.get(store);
  if (index === undefined) {
    index = new AgentLogIndex(store);
    indexes.set(store, index);
  }
  return index.list();
}
