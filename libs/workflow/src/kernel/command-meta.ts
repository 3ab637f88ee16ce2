import { createHash, randomUUID } from 'node:crypto';

/**
 * Who and when, for one command: becomes every event's metadata (docs/design.md → Time and
 * identity). `commandId` is deterministic for a retried command (same Idempotency-Key),
 * so are the ids derived from it, which lets the store and the handler recognise a retry.
 */
export interface CommandMeta {
  readonly actor: { readonly id: string; readonly role: string };
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly occurredAt: string;
}

/** A UUID (version 4 layout) derived from a seed: the same seed always gives the same id. */
export const uuidFromSeed = (seed: string): string => {
  const h = createHash('sha256').update(seed).digest();
  h[6] = (h[6] & 0x0f) | 0x40;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/** Ids for one command: derived from its commandId, so a retry of the command gets the same ones. */
export class CommandIds {
  private counter = 0;
  constructor(private readonly commandId: string) {}
  next(purpose: string): string {
    this.counter += 1;
    return uuidFromSeed(`${this.commandId}:${purpose}:${this.counter}`);
  }
}

export const newCommandId = (): string => randomUUID();

export const eventIdFor = (commandId: string, streamId: string, index: number): string =>
  uuidFromSeed(`${commandId}:${streamId}:${index}`);
