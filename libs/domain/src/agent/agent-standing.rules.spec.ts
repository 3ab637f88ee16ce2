import { DomainError } from '../kernel/domain-error';
import { HabilitationListsState } from '../habilitation/habilitation.state';
import { assertAgentInStanding, habilitationFailure } from './agent-standing.rules';
import { AgentState } from './agent.state';

const AT = '2026-03-10T12:00:00.000Z';
const onList = (...agentIds: string[]): HabilitationListsState => ({
  status: 'transmitted',
  latest: { listVersion: 3, agentIds, transmittedAt: '2026-02-01T00:00:00.000Z' },
});
const decision = { agentId: 'ag-1', fullName: 'Alice Martin', decisionRef: 'PM-1', habilitatedOn: '2026-01-01', at: '2026-01-01T08:00:00.000Z' };
const habilitated: AgentState = { status: 'habilitated', ...decision };
const revoked: AgentState = { status: 'revoked', revokedAt: '2026-03-01T00:00:00.000Z', revocationReason: 'left', ...decision };

describe('the habilitation rule for every agent use of the data (L2321-3 al. 1)', () => {
  it('holds for an agent habilitated now and on the latest list', () => {
    expect(habilitationFailure(habilitated, onList('ag-1'), 'ag-1', AT)).toBeUndefined();
    expect(() => assertAgentInStanding(habilitated, onList('ag-1'), 'ag-1', AT, 'read the data')).not.toThrow();
  });

  it.each<[string, AgentState, HabilitationListsState, string, string]>([
    ['never habilitated', { status: 'unknown' }, onList('ag-1'), 'ag-1', 'not-habilitated'],
    ['another agent’s state', habilitated, onList('ag-2'), 'ag-2', 'not-habilitated'],
    ['a decision not begun', { ...habilitated, habilitatedOn: '2026-04-01' } as AgentState, onList('ag-1'), 'ag-1', 'not-habilitated'],
    ['revoked', revoked, onList('ag-1'), 'ag-1', 'revoked'],
    ['expired (expiresOn is the first day without)', { ...habilitated, expiresOn: '2026-03-10' } as AgentState, onList('ag-1'), 'ag-1', 'expired'],
    ['habilitated but absent from the latest list', habilitated, onList('ag-2'), 'ag-1', 'not-on-latest-list'],
    ['habilitated but no list ever sent', habilitated, { status: 'none' }, 'ag-1', 'not-on-latest-list'],
  ])('names the failed condition: %s', (_label, agent, lists, agentId, failure) => {
    expect(habilitationFailure(agent, lists, agentId, AT)).toBe(failure);
  });

  it.each<[AgentState, HabilitationListsState, RegExp]>([
    [{ status: 'unknown' }, onList('ag-1'), /^the agent is not habilitated: it may not purge the data/],
    [revoked, onList('ag-1'), /^the agent’s habilitation was revoked/],
    [{ ...habilitated, expiresOn: '2026-03-01' } as AgentState, onList('ag-1'), /^the agent’s habilitation has expired/],
    [habilitated, onList(), /^the agent is not on the latest list transmitted to ARCEP/],
  ])('refuses with AGENT_NOT_HABILITATED and a detail saying which condition failed (%#)', (agent, lists, detail) => {
    let error: unknown;
    try {
      assertAgentInStanding(agent, lists, 'ag-1', AT, 'purge the data');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('AGENT_NOT_HABILITATED');
    expect((error as DomainError).message).toMatch(detail);
  });
});
