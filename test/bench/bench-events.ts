import { hash } from 'node:crypto';
import type { EventToAppend } from '../../libs/event-store/src';

/**
 * Realistic events for the benchmark: a RequestFiled-like payload of ~450 bytes (canonical JSON) and the
 * metadata the command handler writes. Ids are sha256-derived UUIDs, as in
 * libs/workflow (random-looking, never time-ordered), so index locality is not flattered.
 */
export class BenchEventFactory {
  private counter = 0;

  constructor(private readonly seed: string) {}

  next(streamId: string): EventToAppend {
    const n = ++this.counter;
    const eventId = this.uuid(`event:${n}`);
    const commandId = this.uuid(`command:${n}`);
    const occurredAt = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
    return {
      eventId,
      type: 'RequestFiled',
      data: {
        requestId: streamId.slice('request-'.length),
        kind: 'technical-data',
        legalBasis: 'L2321-3 al. 2',
        operatorId: `operator-${n % 97}`,
        incidentId: this.uuid(`incident:${n % 13}`),
        dataCategories: ['connection-logs', 'ip-assignments'],
        dataDescription: `Logs of hosts that contacted the C2 server, wave ${n % 31}`,
        period: { from: '2025-12-01T00:00:00.000Z', to: '2025-12-15T23:59:59.999Z' },
        filedBy: { agentId: `agent-${n % 41}`, habilitationRef: `HAB-2026-${String(n % 500).padStart(4, '0')}` },
      },
      metadata: {
        eventId,
        occurredAt,
        actor: { id: `agent-${n % 41}`, role: 'agent' },
        commandId,
        correlationId: commandId,
        causationId: commandId,
        schemaVersion: 1,
      },
    };
  }

  batch(streamId: string, count: number): EventToAppend[] {
    const out: EventToAppend[] = [];
    for (let i = 0; i < count; i++) out.push(this.next(streamId));
    return out;
  }

  /** The same layout as uuidFromSeed in libs/workflow: a v4-shaped UUID from sha256. */
  private uuid(purpose: string): string {
    const hex = hash('sha256', `${this.seed}:${purpose}`, 'hex');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
