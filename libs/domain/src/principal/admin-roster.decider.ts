import { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { instantMs } from '../kernel/instant';
import { AdminRosterContext, RecordAdminRevocation } from './principal.commands';
import { AdminRosterEvent } from './principal.events';
import { AdminRosterState } from './principal.state';

/** The admins still able to act once the roster's revocations are taken away. */
export const activeAdminIds = (state: AdminRosterState, context: AdminRosterContext): string[] => {
  const revoked = new Set(state.revokedAdminIds);
  return [...new Set([...context.fileAdminIds, ...context.enrolledAdminIds])].filter((id) => !revoked.has(id));
};

/**
 * Workflow: someone must always be able to enrol, revoke and rotate keys, so the last
 * active admin cannot be revoked. Every admin revocation is recorded here first, appended
 * with the roster's expected revision: two revocations decided at once collide, and the
 * one decided again sees the other.
 */
const record = ({ data }: RecordAdminRevocation, state: AdminRosterState, context: AdminRosterContext): AdminRosterEvent[] => {
  instantMs(data.recordedAt, 'recordedAt');
  if (state.revokedAdminIds.includes(data.principalId)) return [];
  const remaining = activeAdminIds(state, context).filter((id) => id !== data.principalId);
  if (remaining.length === 0) throw new DomainError('LAST_ADMIN', 'the last active admin cannot be revoked');
  return [{ type: 'AdminRevocationRecorded', data: { principalId: data.principalId, recordedAt: data.recordedAt } }];
};

export const adminRosterDecider: Decider<RecordAdminRevocation, AdminRosterEvent, AdminRosterState, AdminRosterContext> = {
  initialState: () => ({ revokedAdminIds: [] }),
  evolve: (state, event) => ({ revokedAdminIds: [...state.revokedAdminIds, event.data.principalId] }),
  decide: record,
};
