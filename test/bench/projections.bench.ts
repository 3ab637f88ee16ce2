import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore, type EventToAppend } from '@vigie/event-store';
import { ProjectionRunner, ReadStore, RegisterQueries, SqliteReadStore } from '@vigie/projections';
import { ALL_PROJECTIONS } from '@vigie/runtime/all-projections';
import { generateAuditLog } from './audit-log.generator';

export interface ProjectionBenchOptions {
  /** Events in the log the projections are rebuilt from (default 1,000,000). */
  readonly events?: number;
  /** Filings whose visibility in the register is timed (default 2,000). */
  readonly filings?: number;
  /** Concurrent writers appending those filings (default 16). */
  readonly writers?: number;
}

const quiet = { log: (): void => undefined, error: (m: string): void => void process.stderr.write(`${m}\n`) };

/** Every projection caught up from position 0 on a new read.db over a realistic log. */
async function rebuildRate(dir: string, events: number): Promise<number> {
  const store = SqliteEventStore.open({ path: path.join(dir, 'events.db') });
  const readStore = ReadStore.open({ path: path.join(dir, 'read.db') });
  try {
    const written = await generateAuditLog(store, events);
    const head = await store.headPosition();
    const runner = new ProjectionRunner({ store, readStore, projections: ALL_PROJECTIONS, logger: quiet });
    const started = performance.now();
    await runner.start();
    await runner.waitFor(head, 30 * 60 * 1000);
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();
    return Math.round(written / seconds);
  } finally {
    readStore.close();
    await store.close();
  }
}

const filing = (writer: number, n: number, at: string): { streamId: string; requestId: string; event: EventToAppend } => {
  const requestId = `${writer.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  return {
    streamId: `request-${requestId}`,
    requestId,
    event: {
      eventId: `${writer.toString(16).padStart(8, '0')}-1111-4000-8000-${n.toString(16).padStart(12, '0')}`,
      type: 'RequestFiled',
      data: {
        requestId,
        kind: 'subscriber-identification',
        legalBasis: 'L2321-3 al. 1',
        operatorId: '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b301',
        addresseeRole: 'electronic-communications',
        agentId: '6f1c2a52-8a0e-4c53-9d0e-1a2b3c4d5e01',
        decisionRef: 'PM-2026-0001',
        systemStatus: 'attacked',
        identifiers: [{ type: 'ipv4', value: '203.0.113.7', port: 443, observedAt: at }],
        fields: ['identity', 'emailAddress'],
        justification: 'Botnet command server observed on this address',
        filedAt: at,
      },
      metadata: { occurredAt: at, actor: { id: 'p-bench', role: 'agent' }, commandId: requestId, correlationId: requestId, causationId: requestId, schemaVersion: 1 },
    },
  };
};

/** p99 of (append accepted → row visible through RegisterQueries), writers racing the runner. */
async function visibilityP99(dir: string, filings: number, writers: number): Promise<number> {
  const store = SqliteEventStore.open({ path: path.join(dir, 'live-events.db') });
  const readStore = ReadStore.open({ path: path.join(dir, 'live-read.db') });
  const runner = new ProjectionRunner({ store, readStore, projections: ALL_PROJECTIONS, logger: quiet });
  const register = new RegisterQueries(new SqliteReadStore(readStore));
  const latencies: number[] = [];
  try {
    await runner.start();
    const writer = async (w: number): Promise<void> => {
      for (let n = 0; n < Math.ceil(filings / writers); n++) {
        const f = filing(w, n, new Date(Date.UTC(2026, 2, 2, 9, 0, 0, n)).toISOString());
        await store.append(f.streamId, [f.event], 'no-stream');
        const accepted = performance.now();
        while (!(await register.findRequest(f.requestId))) await new Promise((resolve) => setImmediate(resolve));
        latencies.push(performance.now() - accepted);
      }
    };
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  } finally {
    await runner.stop();
    readStore.close();
    await store.close();
  }
  latencies.sort((a, b) => a - b);
  return Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] * 10) / 10;
}

/** The projection figures of `npm run bench`: rebuild throughput and register visibility. */
export async function benchProjections(
  options: ProjectionBenchOptions = {},
): Promise<{ projection_rebuild_per_s: number; register_visible_ms_p99: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-projections-'));
  try {
    const projection_rebuild_per_s = await rebuildRate(dir, options.events ?? 1_000_000);
    const register_visible_ms_p99 = await visibilityP99(dir, options.filings ?? 2000, options.writers ?? 16);
    return { projection_rebuild_per_s, register_visible_ms_p99 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
