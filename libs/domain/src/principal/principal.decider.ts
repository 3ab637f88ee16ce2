import { assertNever, Decider } from '../kernel/decider';
import { assertNonBlank } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { EnrolPrincipal, PrincipalCommand, PrincipalContext, RevokePrincipal, RotatePrincipalKey } from './principal.commands';
import { PrincipalEvent } from './principal.events';
import {
  assertKeySha256,
  assertNotFromFile,
  assertPrincipalActive,
  assertPrincipalIdentity,
  assertPrincipalIsNew,
  assertPrincipalKnown,
} from './principal.rules';
import { PrincipalState } from './principal.state';

export const initialPrincipalState = (): PrincipalState => ({ status: 'unknown' });

export const evolvePrincipal = (state: PrincipalState, event: PrincipalEvent): PrincipalState => {
  switch (event.type) {
    case 'PrincipalEnrolled':
      return { status: 'active', ...event.data };
    case 'PrincipalKeyRotated':
      return state.status === 'unknown' ? state : { ...state, keySha256: event.data.keySha256 };
    case 'PrincipalRevoked':
      return state.status === 'unknown' ? state : { ...state, status: 'revoked', revokedAt: event.data.revokedAt };
    default:
      return assertNever(event);
  }
};

const enrol = ({ data, type }: EnrolPrincipal, state: PrincipalState, context: PrincipalContext): PrincipalEvent[] => {
  assertPrincipalIsNew(state, data.principalId, context);
  assertNonBlank(data.label, 'label');
  assertKeySha256(data.keySha256);
  instantMs(data.enrolledAt, 'enrolledAt');
  assertPrincipalIdentity({ type, data }, context);
  const { principalId, role, agentId, operatorId, label, keySha256, enrolledAt } = data;
  return [
    {
      type: 'PrincipalEnrolled',
      data: { principalId, role, ...(agentId !== undefined ? { agentId } : {}), ...(operatorId !== undefined ? { operatorId } : {}), label, keySha256, enrolledAt },
    },
  ];
};

const rotate = ({ data }: RotatePrincipalKey, state: PrincipalState, context: PrincipalContext): PrincipalEvent[] => {
  assertNotFromFile(data.principalId, context);
  assertPrincipalKnown(state);
  assertPrincipalActive(state);
  assertKeySha256(data.keySha256);
  instantMs(data.rotatedAt, 'rotatedAt');
  return [{ type: 'PrincipalKeyRotated', data: { principalId: data.principalId, keySha256: data.keySha256, rotatedAt: data.rotatedAt } }];
};

/** LAST_ADMIN is decided on the roster stream before this (admin-roster.decider). */
const revoke = ({ data }: RevokePrincipal, state: PrincipalState, context: PrincipalContext): PrincipalEvent[] => {
  assertNotFromFile(data.principalId, context);
  assertPrincipalKnown(state);
  assertPrincipalActive(state);
  assertNonBlank(data.reason, 'reason');
  instantMs(data.revokedAt, 'revokedAt');
  return [{ type: 'PrincipalRevoked', data: { principalId: data.principalId, reason: data.reason, revokedAt: data.revokedAt } }];
};

export const decidePrincipal = (command: PrincipalCommand, state: PrincipalState, context: PrincipalContext): PrincipalEvent[] => {
  switch (command.type) {
    case 'EnrolPrincipal':
      return enrol(command, state, context);
    case 'RotatePrincipalKey':
      return rotate(command, state, context);
    case 'RevokePrincipal':
      return revoke(command, state, context);
    default:
      return assertNever(command);
  }
};

export const principalDecider: Decider<PrincipalCommand, PrincipalEvent, PrincipalState, PrincipalContext> = {
  initialState: initialPrincipalState,
  evolve: evolvePrincipal,
  decide: decidePrincipal,
};
