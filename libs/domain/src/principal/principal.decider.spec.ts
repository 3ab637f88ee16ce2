import { fold } from '../kernel/decider';
import { given } from '../kernel/decider-spec';
import { adminRosterDecider } from './admin-roster.decider';
import { EnrolPrincipal, PrincipalContext } from './principal.commands';
import { principalDecider } from './principal.decider';
import { PrincipalEnrolled, PrincipalRevoked } from './principal.events';

const at = '2026-03-02T09:00:00.000Z';
const hash = 'a'.repeat(64);
const context: PrincipalContext = { fileIds: new Set(['p-file']), agentKnown: true, operatorKnown: true };
const enrol = (over: Partial<EnrolPrincipal['data']> = {}): EnrolPrincipal => ({
  type: 'EnrolPrincipal',
  data: { principalId: 'p-1', role: 'auditor', label: 'Audit desk', keySha256: hash, enrolledAt: at, ...over },
});
const enrolled: PrincipalEnrolled = {
  type: 'PrincipalEnrolled',
  data: { principalId: 'p-1', role: 'auditor', label: 'Audit desk', keySha256: hash, enrolledAt: at },
};
const revoked: PrincipalRevoked = { type: 'PrincipalRevoked', data: { principalId: 'p-1', reason: 'left', revokedAt: at } };
const rotate = (principalId = 'p-1') => ({ type: 'RotatePrincipalKey' as const, data: { principalId, keySha256: 'b'.repeat(64), rotatedAt: at } });
const revoke = (principalId = 'p-1') => ({ type: 'RevokePrincipal' as const, data: { principalId, reason: 'left', revokedAt: at } });

describe('principal decider', () => {
  it('enrols a principal with the sha256 of its key only', () => {
    given(principalDecider).when(enrol(), context).then([enrolled]);
  });

  it('enrols an agent principal that names a known agent', () => {
    given(principalDecider)
      .when(enrol({ role: 'agent', agentId: 'ag-1' }), context)
      .then([{ ...enrolled, data: { ...enrolled.data, role: 'agent', agentId: 'ag-1' } }]);
  });

  it('refuses an id already taken in the log or in the file: PRINCIPAL_EXISTS', () => {
    given(principalDecider, [enrolled]).when(enrol(), context).thenRefuses('PRINCIPAL_EXISTS');
    given(principalDecider).when(enrol({ principalId: 'p-file' }), context).thenRefuses('PRINCIPAL_EXISTS');
  });

  it('refuses an agent principal naming an unknown agent: AGENT_NOT_FOUND', () => {
    given(principalDecider).when(enrol({ role: 'agent', agentId: 'ag-x' }), { ...context, agentKnown: false }).thenRefuses('AGENT_NOT_FOUND');
  });

  it('refuses an operator principal naming an unregistered operator: OPERATOR_NOT_FOUND', () => {
    given(principalDecider).when(enrol({ role: 'operator', operatorId: 'op-x' }), { ...context, operatorKnown: false }).thenRefuses('OPERATOR_NOT_FOUND');
  });

  it.each([
    ['an agent without agentId', { role: 'agent' }],
    ['an operator without operatorId', { role: 'operator' }],
    ['an agentId on an auditor', { agentId: 'ag-1' }],
    ['an operatorId on an admin', { role: 'admin', operatorId: 'op-1' }],
    ['an unknown role', { role: 'root' }],
    ['a blank label', { label: ' ' }],
    ['a key in clear', { keySha256: 'secret' }],
  ])('refuses %s: VALIDATION_FAILED', (_label, over) => {
    given(principalDecider).when(enrol(over as Partial<EnrolPrincipal['data']>), context).thenRefuses('VALIDATION_FAILED');
  });

  it('rotates the key of an active principal', () => {
    given(principalDecider, [enrolled]).when(rotate(), context).then([{ type: 'PrincipalKeyRotated', data: rotate().data }]);
  });

  it('revokes an active principal', () => {
    given(principalDecider, [enrolled]).when(revoke(), context).then([revoked]);
  });

  it('refuses to rotate or revoke a revoked principal: PRINCIPAL_REVOKED', () => {
    given(principalDecider, [enrolled, revoked]).when(rotate(), context).thenRefuses('PRINCIPAL_REVOKED');
    given(principalDecider, [enrolled, revoked]).when(revoke(), context).thenRefuses('PRINCIPAL_REVOKED');
  });

  it('refuses to rotate or revoke a file principal: PRINCIPAL_FROM_FILE', () => {
    given(principalDecider).when(rotate('p-file'), context).thenRefuses('PRINCIPAL_FROM_FILE');
    given(principalDecider).when(revoke('p-file'), context).thenRefuses('PRINCIPAL_FROM_FILE');
  });

  it('refuses an unknown principal: NOT_FOUND', () => {
    given(principalDecider).when(rotate('p-none'), context).thenRefuses('NOT_FOUND');
    given(principalDecider).when(revoke('p-none'), context).thenRefuses('NOT_FOUND');
  });

  it('evolves: a rotation replaces the hash, a revocation ends the principal', () => {
    const state = fold(principalDecider, [enrolled, { type: 'PrincipalKeyRotated', data: rotate().data }, revoked]);
    expect(state).toMatchObject({ status: 'revoked', keySha256: 'b'.repeat(64), revokedAt: at });
  });
});

describe('admin roster decider', () => {
  const record = (principalId: string) => ({ type: 'RecordAdminRevocation' as const, data: { principalId, recordedAt: at } });
  const recorded = (principalId: string) => ({ type: 'AdminRevocationRecorded' as const, data: { principalId, recordedAt: at } });

  it('records the revocation of an admin while another stays active', () => {
    given(adminRosterDecider).when(record('a-1'), { fileAdminIds: [], enrolledAdminIds: ['a-1', 'a-2'] }).then([recorded('a-1')]);
    given(adminRosterDecider).when(record('a-1'), { fileAdminIds: ['f-1'], enrolledAdminIds: ['a-1'] }).then([recorded('a-1')]);
  });

  it('refuses to revoke the last active admin: LAST_ADMIN', () => {
    given(adminRosterDecider).when(record('a-1'), { fileAdminIds: [], enrolledAdminIds: ['a-1'] }).thenRefuses('LAST_ADMIN');
    given(adminRosterDecider, [recorded('a-2')]).when(record('a-1'), { fileAdminIds: [], enrolledAdminIds: ['a-1', 'a-2'] }).thenRefuses('LAST_ADMIN');
  });

  it('records a revocation once', () => {
    given(adminRosterDecider, [recorded('a-1')]).when(record('a-1'), { fileAdminIds: ['f-1'], enrolledAdminIds: ['a-1'] }).then([]);
  });
});

describe('principal refusals name the field at fault', () => {
  it.each([
    ['label', enrol({ label: ' ' })],
    ['enrolledAt', enrol({ enrolledAt: '2026-03-02' })],
  ])('EnrolPrincipal: %s', (field, command) => {
    given(principalDecider).when(command, context).thenRefuses('VALIDATION_FAILED', { field });
  });

  it('RotatePrincipalKey: rotatedAt', () => {
    const command = { ...rotate(), data: { ...rotate().data, rotatedAt: 'now' } };
    given(principalDecider, [enrolled]).when(command, context).thenRefuses('VALIDATION_FAILED', { field: 'rotatedAt' });
  });

  it.each([
    ['reason', { ...revoke(), data: { ...revoke().data, reason: '' } }],
    ['revokedAt', { ...revoke(), data: { ...revoke().data, revokedAt: '2026-02-30T00:00:00.000Z' } }],
  ])('RevokePrincipal: %s', (field, command) => {
    given(principalDecider, [enrolled]).when(command, context).thenRefuses('VALIDATION_FAILED', { field });
  });

  it('RecordAdminRevocation: recordedAt', () => {
    const command = { type: 'RecordAdminRevocation' as const, data: { principalId: 'a-1', recordedAt: 'today' } };
    given(adminRosterDecider).when(command, { fileAdminIds: ['f-1'], enrolledAdminIds: ['a-1'] }).thenRefuses('VALIDATION_FAILED', { field: 'recordedAt' });
  });
});

describe('principal enrolment and keys at their edges', () => {
  it('enrols an operator principal naming its registered operator, and no agentId', () => {
    const data = { principalId: 'p-op', role: 'operator' as const, operatorId: 'op-1', label: 'Telco desk', keySha256: hash, enrolledAt: at };
    given(principalDecider).when({ type: 'EnrolPrincipal', data }, context).then([{ type: 'PrincipalEnrolled', data }]);
  });

  it.each([
    ['a prefix before the 64 hex characters', `x${hash}`],
    ['a suffix after them', `${hash}x`],
    ['a non-string that prints as them', [hash] as unknown as string],
  ])('refuses a keySha256 with %s: VALIDATION_FAILED', (_case, keySha256) => {
    given(principalDecider).when(enrol({ keySha256 }), context).thenRefuses('VALIDATION_FAILED');
  });

  it('starts the admin roster with no revocation', () => {
    expect(fold(adminRosterDecider, [])).toStrictEqual({ revokedAdminIds: [] });
  });
});
