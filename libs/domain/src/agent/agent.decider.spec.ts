import { fold } from '../kernel/decider';
import { given, refusalCode } from '../kernel/decider-spec';
import { HabilitateAgent, RevokeHabilitation } from './agent.commands';
import { agentDecider } from './agent.decider';
import { AgentEvent, AgentHabilitated, AgentHabilitationRevoked } from './agent.events';
import { assertHabilitatedAt } from './agent.rules';
import { AgentState, decisionRefOf, isHabilitatedAt } from './agent.state';

const habilitate = (over: Partial<HabilitateAgent['data']> = {}): HabilitateAgent => ({
  type: 'HabilitateAgent',
  data: {
    agentId: 'ag-1',
    fullName: 'Alice Martin',
    decisionRef: 'PM-2026-001',
    habilitatedOn: '2026-01-01',
    expiresOn: '2027-01-01',
    at: '2026-01-02T08:00:00.000Z',
    ...over,
  },
});
const habilitated = (over: Partial<AgentHabilitated['data']> = {}): AgentHabilitated => ({
  type: 'AgentHabilitated',
  data: { ...habilitate().data, ...over },
});
const revoke = (revokedAt = '2026-03-01T10:00:00.000Z'): RevokeHabilitation => ({
  type: 'RevokeHabilitation',
  data: { reason: 'left the post', revokedAt },
});
const revoked: AgentHabilitationRevoked = {
  type: 'AgentHabilitationRevoked',
  data: { agentId: 'ag-1', decisionRef: 'PM-2026-001', reason: 'left the post', revokedAt: '2026-03-01T10:00:00.000Z' },
};

describe('agent decider: habilitation', () => {
  it('records the Prime Minister decision', () => {
    given(agentDecider).when(habilitate()).then([habilitated()]);
  });

  it('records a decision without end date', () => {
    const { expiresOn: _none, ...data } = habilitate().data;
    given(agentDecider).when({ type: 'HabilitateAgent', data }).then([{ type: 'AgentHabilitated', data }]);
  });

  it('refuses a second decision while one is in force: AGENT_EXISTS', () => {
    given(agentDecider, [habilitated()]).when(habilitate({ decisionRef: 'PM-2' })).thenRefuses('AGENT_EXISTS');
  });

  it('habilitates again after revocation, by a new decision', () => {
    const again = habilitate({ decisionRef: 'PM-2', habilitatedOn: '2026-04-01', at: '2026-04-01T08:00:00.000Z' });
    given(agentDecider, [habilitated(), revoked]).when(again).then([{ type: 'AgentHabilitated', data: again.data }]);
  });

  it('habilitates again after expiry (habilitation ends at the start of expiresOn)', () => {
    const again = habilitate({ decisionRef: 'PM-3', habilitatedOn: '2027-01-01', expiresOn: undefined, at: '2027-01-01T00:00:00.000Z' });
    const { expiresOn: _none, ...data } = again.data;
    given(agentDecider, [habilitated()]).when(again).then([{ type: 'AgentHabilitated', data }]);
  });

  it('refuses expiresOn on or before habilitatedOn: PERIOD_INVALID', () => {
    given(agentDecider).when(habilitate({ expiresOn: '2026-01-01' })).thenRefuses('PERIOD_INVALID');
    given(agentDecider).when(habilitate({ expiresOn: '2025-12-31' })).thenRefuses('PERIOD_INVALID');
  });

  it('refuses malformed dates and blank references: VALIDATION_FAILED', () => {
    given(agentDecider).when(habilitate({ habilitatedOn: '2026-02-30' })).thenRefuses('VALIDATION_FAILED');
    given(agentDecider).when(habilitate({ decisionRef: '' })).thenRefuses('VALIDATION_FAILED');
  });
});

describe('agent decider: revocation', () => {
  it('withdraws a decision in force', () => {
    given(agentDecider, [habilitated()]).when(revoke()).then([revoked]);
  });

  it.each([
    ['an unknown agent', []],
    ['an already revoked agent', [habilitated(), revoked]],
  ])('refuses %s: AGENT_NOT_HABILITATED', (_label, history) => {
    given(agentDecider, history as AgentHabilitated[]).when(revoke()).thenRefuses('AGENT_NOT_HABILITATED');
  });

  it('refuses an expired agent: AGENT_NOT_HABILITATED', () => {
    given(agentDecider, [habilitated()]).when(revoke('2027-01-01T00:00:00.000Z')).thenRefuses('AGENT_NOT_HABILITATED');
  });
});

describe('isHabilitatedAt and decisionRefOf', () => {
  const state = fold(agentDecider, [habilitated()]);

  it.each([
    ['2025-12-31T23:59:59.999Z', false],
    ['2026-01-01T00:00:00.000Z', true],
    ['2026-12-31T23:59:59.999Z', true],
    ['2027-01-01T00:00:00.000Z', false],
  ])('at %s → %s', (instant, expected) => {
    expect(isHabilitatedAt(state, instant)).toBe(expected);
  });

  it('is false once revoked, and for an unknown agent', () => {
    expect(isHabilitatedAt(fold(agentDecider, [habilitated(), revoked]), '2026-02-01T00:00:00Z')).toBe(false);
    expect(isHabilitatedAt(agentDecider.initialState(), '2026-02-01T00:00:00Z')).toBe(false);
  });

  it('uses the UTC date of the instant', () => {
    expect(isHabilitatedAt(state, '2027-01-01T00:30:00+01:00')).toBe(true);
  });

  it('gives the decision reference of the latest decision', () => {
    expect(decisionRefOf(state)).toBe('PM-2026-001');
    expect(decisionRefOf(agentDecider.initialState())).toBeUndefined();
    const again = habilitated({ decisionRef: 'PM-2', habilitatedOn: '2026-04-01' });
    const rehabilitated = fold(agentDecider, [habilitated(), revoked, again]);
    expect(decisionRefOf(rehabilitated)).toBe('PM-2');
    expect(rehabilitated.status).toBe('habilitated');
  });
});

describe('agent refusals name the field at fault', () => {
  it.each([
    ['at', habilitate({ at: '2026-01-02' })],
    ['habilitatedOn', habilitate({ habilitatedOn: '2026-02-30' })],
    ['expiresOn', habilitate({ expiresOn: '2027-1-1' })],
    ['fullName', habilitate({ fullName: '  ' })],
    ['decisionRef', habilitate({ decisionRef: '' })],
  ])('HabilitateAgent: %s', (field, command) => {
    given(agentDecider).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });

  it.each([
    ['revokedAt', { type: 'RevokeHabilitation', data: { reason: 'left the post', revokedAt: 'yesterday' } } as RevokeHabilitation],
    ['reason', { type: 'RevokeHabilitation', data: { reason: ' ', revokedAt: '2026-03-01T10:00:00.000Z' } } as RevokeHabilitation],
  ])('RevokeHabilitation: %s', (field, command) => {
    given(agentDecider, [habilitated()]).when(command).thenRefuses('VALIDATION_FAILED', { field });
  });
});

describe('assertHabilitatedAt (L2321-3 al. 1: using the data needs a habilitation in force)', () => {
  const state = (events: readonly AgentEvent[]): AgentState => fold(agentDecider, events);

  it('lets a habilitated agent through, from habilitatedOn to the day before expiresOn', () => {
    expect(refusalCode(() => assertHabilitatedAt(state([habilitated()]), '2026-01-01T00:00:00.000Z'))).toBeUndefined();
    expect(refusalCode(() => assertHabilitatedAt(state([habilitated()]), '2026-12-31T23:59:59.999Z'))).toBeUndefined();
  });

  it.each([
    ['unknown agent', [], '2026-06-01T00:00:00.000Z'],
    ['before habilitatedOn', [habilitated()], '2025-12-31T23:59:59.999Z'],
    ['from expiresOn', [habilitated()], '2027-01-01T00:00:00.000Z'],
    ['after revocation', [habilitated(), revoked], '2026-06-01T00:00:00.000Z'],
  ] as const)('refuses %s: AGENT_NOT_HABILITATED', (_case, events, at) => {
    expect(refusalCode(() => assertHabilitatedAt(state(events), at))).toBe('AGENT_NOT_HABILITATED');
  });
});
