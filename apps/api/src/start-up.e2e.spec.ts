import type { EventToAppend } from '@vigie/event-store';
import { bearer, KEYS, startTestApp, tempDir } from '../../../test/support/test-app';
import { ReadingEventStore } from '../../../test/support/reading-event-store';
import { operatorBody, post } from '../../../test/support/workflow.fixtures';

const FILLER_STREAMS = 20;
const FILLER_PER_STREAM = 25;

const fillerEvents = (stream: number): EventToAppend[] =>
  Array.from({ length: FILLER_PER_STREAM }, (_, i) => {
    const eventId = `00000000-0000-4000-8000-${(stream * FILLER_PER_STREAM + i).toString(16).padStart(12, '0')}`;
    return {
      eventId,
      type: 'StartUpFillerRecorded',
      data: { i },
      metadata: { eventId, occurredAt: '2026-03-02T09:00:00.000Z', actor: { id: 'p-admin', role: 'admin' }, commandId: eventId, correlationId: eventId, causationId: eventId, schemaVersion: 1 },
    };
  });

describe('a restart on the same data dir', () => {
  it('reads the principal streams only, keeps the read models where they were and accepts the enrolled keys at once', async () => {
    const dataDir = tempDir();
    const first = await startTestApp({ dataDir });
    await post(first, '/v1/operators', KEYS.admin, operatorBody()).expect(201);
    const enrolled = await post(first, '/v1/principals', KEYS.admin, { role: 'auditor', label: 'Audit desk' }).expect(201);
    // History that a start-up must not walk: no projection and no principal lives in these streams.
    for (let s = 0; s < FILLER_STREAMS; s++) await first.runtime.store.append(`start-up-filler-${s}`, fillerEvents(s), 'no-stream');
    const head = await first.runtime.store.headPosition();
    await first.runtime.settle(head);
    const before = first.runtime.runner!.status();
    expect(before.every((p) => p.activeCheckpoint === head)).toBe(true);
    await first.close({ keepDataDir: true });

    let reading: ReadingEventStore | undefined;
    const second = await startTestApp({ dataDir, wrapEventStore: (store) => (reading = new ReadingEventStore(store)) });
    try {
      const startUpReads = [...reading!.handedOut];
      const principalEvents = startUpReads.filter((e) => e.streamId.startsWith('principal-'));
      expect(principalEvents.map((e) => e.type)).toEqual(['PrincipalEnrolled']);
      // Besides them, only the log's first event, which names the log the read models were built from.
      expect(startUpReads.filter((e) => !e.streamId.startsWith('principal-')).map((e) => e.position)).toEqual([1n]);

      // Resumed from the stored checkpoints: same versions, nothing to rebuild, nothing behind.
      const after = second.runtime.runner!.status();
      expect(after.map(({ name, version, activeVersion, checkpoint, activeCheckpoint }) => ({ name, version, activeVersion, checkpoint, activeCheckpoint }))).toEqual(
        before.map(({ name, version, activeVersion }) => ({ name, version, activeVersion, checkpoint: head, activeCheckpoint: head })),
      );
      expect(after.some((p) => p.phase === 'rebuilding' || p.phase === 'failed')).toBe(false);
      expect(Object.values(await second.runtime.projectionsLag())).toEqual(before.map(() => 0n));

      await second.http.get('/v1/requests').set(bearer(enrolled.body.key as string)).expect(200);
    } finally {
      await second.close();
    }
  });
});
