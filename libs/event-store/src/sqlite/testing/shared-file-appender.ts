import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../../event-store.errors';
import type { ExpectedRevision } from '../../event-store.port';
import { newEvent } from '../../testing/contract-fixtures';
import { SqliteEventStore } from '../sqlite-event-store';

/**
 * One of several processes appending to the same events.db (run by the multi-process
 * spec): `own` events to each of its OWN_STREAMS streams and `shared` events to the one
 * shared stream, all at once so that group commits mix them. It opens the file, prints
 * `ready`, waits for a line on stdin so that every process starts together, then prints
 * one `ack <streamId> <eventId> <revision> <position>` line per acknowledged event.
 * Any error but a lost race on the shared stream (retried against its real revision) ends
 * it with a non-zero exit: a busy timeout must not surface while the lock is held briefly.
 */
const OWN_STREAMS = 3;

async function main(): Promise<void> {
  const [file, name, own, shared, streamId] = process.argv.slice(2);
  const store = SqliteEventStore.open({ path: file });
  const acks: string[] = [];
  const ack = (stream: string, eventId: string, revision: bigint, position: bigint): void => {
    acks.push(`ack ${stream} ${eventId} ${revision} ${position}`);
  };

  const ownStream = async (stream: string): Promise<void> => {
    let expected: ExpectedRevision = 'no-stream';
    for (let i = 0; i < Number(own); i++) {
      const event = newEvent('OwnAppended', { process: name, i });
      const result = await store.append(stream, [event], expected);
      ack(stream, event.eventId, result.nextExpectedRevision, result.position);
      expected = result.nextExpectedRevision;
    }
  };

  const sharedStream = async (): Promise<void> => {
    // Every process starts by claiming the stream's creation: all but one lose that race.
    let expected: ExpectedRevision = 'no-stream';
    for (let i = 0; i < Number(shared); i++) {
      // Two events per append: a lost race must leave neither of them behind.
      const events = [newEvent('SharedAppended', { process: name, i, part: 0 }), newEvent('SharedAppended', { process: name, i, part: 1 })];
      for (;;) {
        try {
          const result = await store.append(streamId, events, expected);
          ack(streamId, events[0].eventId, result.nextExpectedRevision - 1n, result.position - 1n);
          ack(streamId, events[1].eventId, result.nextExpectedRevision, result.position);
          expected = result.nextExpectedRevision;
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          expected = error.actual;
        }
      }
    }
  };

  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
  const prefix = `${name}-${randomUUID().slice(0, 8)}`;
  await Promise.all([...Array.from({ length: OWN_STREAMS }, (_, k) => ownStream(`${prefix}-own-${k}`)), sharedStream()]);
  await store.close();
  process.stdout.write(`${acks.join('\n')}\ndone\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
