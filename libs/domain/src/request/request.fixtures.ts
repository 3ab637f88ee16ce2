import { AgentState } from '../agent/agent.state';
import { HabilitationListsState } from '../habilitation/habilitation.state';
import { IncidentState } from '../incident/incident.state';
import { OperatorCategory } from '../operator/operator.events';
import { OperatorState } from '../operator/operator.state';
import { FileRequestContext, IdentificationFiling, TechnicalFiling } from './request.commands';
import { DataDelivered, RequestFiled } from './request.events';
import { IdentificationRequestFiledData, SealedDataset, TechnicalRequestFiledData } from './request.types';

/** Builders shared by the request specs (and usable by other libs' specs). */
export const FILED_AT = '2026-03-10T10:00:00.000Z';
export const DELIVERED_AT = '2026-03-12T10:00:00.000Z';
export const DEADLINE = '2028-03-12T10:00:00.000Z';

export const habilitatedAgent: AgentState = {
  status: 'habilitated',
  agentId: 'ag-1',
  fullName: 'Alice Martin',
  decisionRef: 'PM-2026-001',
  habilitatedOn: '2026-01-01',
  at: '2026-01-01T08:00:00.000Z',
};
export const listWith = (...agentIds: string[]): HabilitationListsState => ({
  status: 'transmitted',
  latest: { listVersion: 1, agentIds, transmittedAt: '2026-01-02T00:00:00.000Z' },
});
export const operatorWith = (...categories: OperatorCategory[]): OperatorState => ({
  status: 'registered',
  operatorId: 'op-1',
  name: 'Telco',
  categories,
  registeredAt: '2026-01-01T00:00:00.000Z',
});
export const notifiedIncident: IncidentState = {
  status: 'notified',
  incidentId: 'inc-1',
  reportedBy: 'op-1',
  affectedEntity: { name: 'Hôpital Nord', category: 'essential-service-operator' },
  summary: 'C2 beaconing',
  observedAt: '2026-03-01T00:00:00.000Z',
  notifiedAt: '2026-03-01T06:00:00.000Z',
};
export const context = (over: Partial<FileRequestContext> = {}): FileRequestContext => ({
  agent: habilitatedAgent,
  latestList: listWith('ag-1'),
  operator: operatorWith('electronic-communications'),
  incident: notifiedIncident,
  ...over,
});

export const identificationFiling = (over: Partial<IdentificationFiling> = {}): IdentificationFiling => ({
  kind: 'subscriber-identification',
  requestId: 'rq-1',
  operatorId: 'op-1',
  agentId: 'ag-1',
  justification: 'IP seen in a botnet',
  filedAt: FILED_AT,
  systemStatus: 'attacked',
  identifiers: [
    { type: 'ipv4', value: '192.0.2.10', port: 443, observedAt: '2026-03-09T22:00:00.000Z' },
    { type: 'ipv4', value: '192.0.2.11', observedAt: '2026-03-09T22:00:00.000Z' },
  ],
  fields: ['identity', 'emailAddress'],
  ...over,
});

export const technicalFiling = (over: Partial<TechnicalFiling> = {}): TechnicalFiling => ({
  kind: 'technical-data',
  requestId: 'rq-2',
  operatorId: 'op-1',
  agentId: 'ag-1',
  justification: 'analyse incident inc-1',
  filedAt: FILED_AT,
  incidentId: 'inc-1',
  dataCategories: ['routing', 'traffic'],
  dataDescription: 'flows to the C2 server',
  period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' },
  ...over,
});

const { addresseeRole: _i, ...identificationData } = identificationFiling();
export const identificationFiled = (over: Partial<IdentificationRequestFiledData> = {}): RequestFiled => ({
  type: 'RequestFiled',
  data: {
    ...identificationData,
    legalBasis: 'L2321-3 al. 1',
    addresseeRole: 'electronic-communications',
    decisionRef: 'PM-2026-001',
    ...over,
  },
});

const { addresseeRole: _t, ...technicalData } = technicalFiling();
export const technicalFiled = (over: Partial<TechnicalRequestFiledData> = {}): RequestFiled => ({
  type: 'RequestFiled',
  data: {
    ...technicalData,
    legalBasis: 'L2321-3 al. 2',
    addresseeRole: 'electronic-communications',
    decisionRef: 'PM-2026-001',
    ...over,
  },
});

export const sealed: SealedDataset = { datasetId: 'ds-1', keyId: 'key-1', ciphertext: 'AAAA', iv: 'BBBB', authTag: 'CCCC' };

export const identificationDelivered = (over: Partial<DataDelivered['data']> = {}): DataDelivered => ({
  type: 'DataDelivered',
  data: {
    requestId: 'rq-1',
    kind: 'subscriber-identification',
    datasetId: 'ds-1',
    sealed,
    recordCount: 2,
    fieldNames: ['identity', 'emailAddress'],
    deliveredAt: DELIVERED_AT,
    retentionDeadline: DEADLINE,
    ...over,
  },
});

export const technicalDelivered = (over: Partial<DataDelivered['data']> = {}): DataDelivered => ({
  type: 'DataDelivered',
  data: {
    requestId: 'rq-2',
    kind: 'technical-data',
    datasetId: 'ds-1',
    sealed,
    recordCount: 1,
    categories: ['traffic'],
    deliveredAt: DELIVERED_AT,
    retentionDeadline: '2031-03-12T10:00:00.000Z',
    ...over,
  },
});
