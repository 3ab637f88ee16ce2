import type { EventStore } from '@vigie/event-store';
import { ConfigError } from '../config/config-error';

/** Where a read store keeps the identity of the log it was built from. */
export interface IdentityRecord {
  read(): Promise<string | undefined>;
  write(identity: string): Promise<void>;
}

/** The id of the log's first event: it never changes for one log and never repeats across two. */
async function identityOf(store: EventStore): Promise<string | undefined> {
  for await (const event of store.readAll({ maxCount: 1 })) return event.eventId;
  return undefined;
}

/**
 * Read models built from one log and then pointed at another (a restored backup, a wrong data
 * dir, another cluster) would answer with facts the log does not hold and skip the ones it
 * does, since their checkpoints are positions in the other log. Start-up is refused in one line
 * instead; the read models rebuild from scratch once removed.
 */
export async function checkLogIdentity(record: IdentityRecord, store: EventStore, variable: string, where: string): Promise<void> {
  const [recorded, current] = await Promise.all([record.read(), identityOf(store)]);
  if (recorded === undefined) {
    if (current !== undefined) await record.write(current);
    return;
  }
  if (recorded !== current) {
    const log = current === undefined ? 'this log is empty' : `this log starts with event ${current}`;
    throw new ConfigError(variable, `${where} were built from another event log (it started with event ${recorded}; ${log}): remove them to rebuild them from this log`);
  }
}
