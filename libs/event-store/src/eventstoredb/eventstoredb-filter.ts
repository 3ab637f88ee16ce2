import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { RecordedEvent, SubscriptionFilter } from '../event-store.port';

/**
 * EventStoreDB accepts one server-side filter per subscription (event type or stream
 * name). We push the most selective one to the server and always re-check the whole
 * port filter on the client: server prefixes are prefixes, the port's types are exact.
 */
export function toServerFilter(filter: SubscriptionFilter | undefined): Filter {
  const types = filter?.eventTypes ?? [];
  const prefixes = filter?.streamPrefixes ?? [];
  if (types.length > 0) return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  if (prefixes.length > 0) return streamNameFilter({ prefixes: [...prefixes] });
  return excludeSystemEvents();
}

export function matchesFilter(event: RecordedEvent, filter: SubscriptionFilter | undefined): boolean {
  const types = filter?.eventTypes ?? [];
  const prefixes = filter?.streamPrefixes ?? [];
  if (types.length > 0 && !types.includes(event.type)) return false;
  if (prefixes.length > 0 && !prefixes.some((p) => event.streamId.startsWith(p))) return false;
  return true;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
