import { given } from '../kernel/decider-spec';
import { requestDecider } from './request.decider';
import {
  context,
  identificationFiled,
  identificationFiling,
  listWith,
  operatorWith,
  technicalFiled,
  technicalFiling,
} from './request.fixtures';
import { FileRequest, IdentificationFiling, TechnicalFiling } from './request.commands';

const file = (data: IdentificationFiling | TechnicalFiling): FileRequest => ({ type: 'FileRequest', data });
const id = (over: Partial<IdentificationFiling> = {}) => file(identificationFiling(over));
const tech = (over: Partial<TechnicalFiling> = {}) => file(technicalFiling(over));

describe('FileRequest: subscriber identification (L2321-3 al. 1)', () => {
  it('files with legal basis al. 1, the decision in force and the default e-c role', () => {
    given(requestDecider).when(id(), context()).then([identificationFiled()]);
  });

  it('addresses a host-only operator as hosting provider', () => {
    given(requestDecider)
      .when(id(), context({ operator: operatorWith('hosting') }))
      .then([identificationFiled({ addresseeRole: 'hosting' })]);
  });

  it('addresses a dual operator in the role asked', () => {
    given(requestDecider)
      .when(id({ addresseeRole: 'hosting' }), context({ operator: operatorWith('electronic-communications', 'hosting') }))
      .then([identificationFiled({ addresseeRole: 'hosting' })]);
  });

  it('refuses a role the operator does not hold: OPERATOR_CATEGORY_NOT_ALLOWED', () => {
    given(requestDecider).when(id({ addresseeRole: 'hosting' }), context()).thenRefuses('OPERATOR_CATEGORY_NOT_ALLOWED');
  });

  it('refuses fields other than identity, postal and e-mail address: VALIDATION_FAILED', () => {
    const fields = ['identity', 'phoneNumber'] as unknown as IdentificationFiling['fields'];
    given(requestDecider).when(id({ fields }), context()).thenRefuses('VALIDATION_FAILED');
    given(requestDecider).when(id({ fields: [] }), context()).thenRefuses('VALIDATION_FAILED');
  });

  it('refuses an identifier observed after filing: PERIOD_INVALID', () => {
    const identifiers = [{ type: 'ipv4' as const, value: '192.0.2.1', observedAt: '2026-03-10T10:00:00.001Z' }];
    given(requestDecider).when(id({ identifiers }), context()).thenRefuses('PERIOD_INVALID');
  });

  it('refuses a system status outside vulnerable/threatened/attacked: VALIDATION_FAILED', () => {
    given(requestDecider)
      .when(id({ systemStatus: 'curious' as IdentificationFiling['systemStatus'] }), context())
      .thenRefuses('VALIDATION_FAILED');
  });
});

describe('FileRequest: technical data (L2321-3 al. 2)', () => {
  it('files with legal basis al. 2, always to the e-c role', () => {
    given(requestDecider).when(tech(), context()).then([technicalFiled()]);
  });

  it('refuses a hosting provider: OPERATOR_CATEGORY_NOT_ALLOWED', () => {
    given(requestDecider).when(tech(), context({ operator: operatorWith('hosting') })).thenRefuses('OPERATOR_CATEGORY_NOT_ALLOWED');
    given(requestDecider)
      .when(tech({ addresseeRole: 'hosting' }), context({ operator: operatorWith('electronic-communications', 'hosting') }))
      .thenRefuses('OPERATOR_CATEGORY_NOT_ALLOWED');
  });

  it('refuses an unknown incident: INCIDENT_NOT_FOUND', () => {
    given(requestDecider).when(tech(), context({ incident: { status: 'unknown' } })).thenRefuses('INCIDENT_NOT_FOUND');
    given(requestDecider).when(tech(), context({ incident: undefined })).thenRefuses('INCIDENT_NOT_FOUND');
  });

  it.each([
    ['from = to', { from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }],
    ['from > to', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }],
    ['to after filing', { from: '2026-03-01T00:00:00Z', to: '2026-03-10T10:00:01Z' }],
  ])('refuses a period with %s: PERIOD_INVALID', (_label, period) => {
    given(requestDecider).when(tech({ period }), context()).thenRefuses('PERIOD_INVALID');
  });

  it('refuses unknown or repeated categories (R10-15 CPCE): VALIDATION_FAILED', () => {
    const content = ['content'] as unknown as TechnicalFiling['dataCategories'];
    given(requestDecider).when(tech({ dataCategories: content }), context()).thenRefuses('VALIDATION_FAILED');
    given(requestDecider).when(tech({ dataCategories: ['origin', 'origin'] }), context()).thenRefuses('VALIDATION_FAILED');
  });
});

describe('FileRequest: the agent, the operator, the id', () => {
  it('refuses an agent not on the latest list sent to ARCEP: AGENT_NOT_HABILITATED', () => {
    given(requestDecider).when(id(), context({ latestList: listWith('ag-2') })).thenRefuses('AGENT_NOT_HABILITATED');
    given(requestDecider).when(id(), context({ latestList: { status: 'none' } })).thenRefuses('AGENT_NOT_HABILITATED');
  });

  it('refuses an agent whose habilitation is revoked, expired or not begun: AGENT_NOT_HABILITATED', () => {
    const base = context().agent;
    if (base.status !== 'habilitated') throw new Error('fixture');
    const revoked = { ...base, status: 'revoked' as const, revokedAt: '2026-02-01T00:00:00Z', revocationReason: 'left' };
    given(requestDecider).when(id(), context({ agent: revoked })).thenRefuses('AGENT_NOT_HABILITATED');
    given(requestDecider).when(id(), context({ agent: { ...base, expiresOn: '2026-03-10' } })).thenRefuses('AGENT_NOT_HABILITATED');
    given(requestDecider).when(id(), context({ agent: { ...base, habilitatedOn: '2026-03-11' } })).thenRefuses('AGENT_NOT_HABILITATED');
    given(requestDecider).when(id(), context({ agent: { status: 'unknown' } })).thenRefuses('AGENT_NOT_HABILITATED');
    given(requestDecider).when(id({ agentId: 'ag-2' }), context({ latestList: listWith('ag-1', 'ag-2') })).thenRefuses('AGENT_NOT_HABILITATED');
  });

  it('refuses an unregistered operator: OPERATOR_NOT_FOUND', () => {
    given(requestDecider).when(id(), context({ operator: { status: 'unknown' } })).thenRefuses('OPERATOR_NOT_FOUND');
  });

  it('refuses an id already used: REQUEST_EXISTS', () => {
    given(requestDecider, [identificationFiled()]).when(id(), context()).thenRefuses('REQUEST_EXISTS');
  });

  it('copies only known fields into the event', () => {
    const withExtra = { ...identificationFiling(), secret: 'x' } as IdentificationFiling;
    given(requestDecider).when(file(withExtra), context()).then([identificationFiled()]);
  });
});

describe('FileRequest refusals name the field at fault', () => {
  it.each([
    ['filedAt', id({ filedAt: '2026-03-10' })],
    ['justification', id({ justification: ' ' })],
    ['dataDescription', tech({ dataDescription: '' })],
  ])('%s', (field, command) => {
    given(requestDecider).when(command, context()).thenRefuses('VALIDATION_FAILED', { field });
  });
});
