import type { PrincipalState } from '@vigie/domain';
import type { RecordedEvent } from '@vigie/event-store';

/** A principal as the log tells it, key hash included: for the key check, never for an answer. */
export type LoggedPrincipal = Omit<Extract<PrincipalState, { status: 'active' | 'revoked' }>, 'status'>;

const text = (data: Record<string, unknown>, key: string): string | undefined =>
  typeof data[key] === 'string' ? (data[key] as string) : undefined;

/**
 * The principals enrolled through the API, folded from their events in log order. Each
 * replica keeps one, fed by its own reading of the log, so a key revoked or rotated on
 * one process stops working on all of them.
 */
export class PrincipalBook {
  private readonly byId = new Map<string, LoggedPrincipal>();

  apply(event: Pick<RecordedEvent, 'type' | 'data' | 'streamId'>): void {
    const principalId = text(event.data, 'principalId');
    if (principalId === undefined || event.streamId !== `principal-${principalId}`) return;
    const known = this.byId.get(principalId);
    if (event.type === 'PrincipalEnrolled') {
      const { role, agentId, operatorId, label, keySha256, enrolledAt } = event.data as unknown as LoggedPrincipal;
      this.byId.set(principalId, {
        principalId, role, label, keySha256, enrolledAt,
        ...(agentId !== undefined ? { agentId } : {}),
        ...(operatorId !== undefined ? { operatorId } : {}),
      });
    } else if (event.type === 'PrincipalKeyRotated' && known) {
      this.byId.set(principalId, { ...known, keySha256: text(event.data, 'keySha256') ?? known.keySha256 });
    } else if (event.type === 'PrincipalRevoked' && known) {
      this.byId.set(principalId, { ...known, revokedAt: text(event.data, 'revokedAt') ?? '' });
    }
  }

  all(): LoggedPrincipal[] {
    return [...this.byId.values()];
  }

  /** The active principals by the sha256 of their current key. */
  activeByKeyHash(): Map<string, LoggedPrincipal> {
    return new Map(this.all().filter((p) => p.revokedAt === undefined).map((p) => [p.keySha256, p]));
  }

  enrolledAdminIds(): string[] {
    return this.all().filter((p) => p.role === 'admin').map((p) => p.principalId);
  }
}
