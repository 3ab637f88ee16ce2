import { assertNonBlank } from '../kernel/guards';
import { instantMs } from '../kernel/instant';
import { FileRequest, FileRequestContext, IdentificationFiling, TechnicalFiling } from './request.commands';
import { RequestEvent } from './request.events';
import {
  assertAgentMayFile,
  assertDataCategories,
  assertDataPeriod,
  assertIdentificationFields,
  assertIdentifiers,
  assertIncidentKnown,
  assertOperatorFound,
  assertRequestIsNew,
  assertSystemStatus,
  identificationAddresseeRole,
  technicalDataAddresseeRole,
} from './request.rules';
import { RequestState } from './request.state';
import { RequestFiledData } from './request.types';

const checkShape = (data: IdentificationFiling | TechnicalFiling): void => {
  instantMs(data.filedAt, 'filedAt');
  assertNonBlank(data.justification, 'justification');
  if (data.kind === 'subscriber-identification') {
    assertSystemStatus(data.systemStatus);
    assertIdentificationFields(data.fields);
  } else {
    assertDataCategories(data.dataCategories);
    assertNonBlank(data.dataDescription, 'dataDescription');
  }
};

const identification = (data: IdentificationFiling, ctx: FileRequestContext, decisionRef: string): RequestFiledData => {
  const addresseeRole = identificationAddresseeRole(ctx.operator, data.addresseeRole);
  assertIdentifiers(data.identifiers, data.filedAt);
  const { requestId, operatorId, agentId, justification, filedAt, systemStatus } = data;
  return {
    requestId,
    kind: 'subscriber-identification',
    legalBasis: 'L2321-3 al. 1',
    operatorId,
    addresseeRole,
    agentId,
    decisionRef,
    justification,
    filedAt,
    systemStatus,
    identifiers: data.identifiers.map(({ type, value, port, observedAt }) => ({
      type,
      value,
      ...(port === undefined ? {} : { port }),
      observedAt,
    })),
    fields: [...data.fields],
  };
};

const technical = (data: TechnicalFiling, ctx: FileRequestContext, decisionRef: string): RequestFiledData => {
  const addresseeRole = technicalDataAddresseeRole(ctx.operator, data.addresseeRole);
  assertIncidentKnown(ctx.incident);
  assertDataPeriod(data.period, data.filedAt);
  const { requestId, operatorId, agentId, justification, filedAt, incidentId, dataDescription, period } = data;
  return {
    requestId,
    kind: 'technical-data',
    legalBasis: 'L2321-3 al. 2',
    operatorId,
    addresseeRole,
    agentId,
    decisionRef,
    justification,
    filedAt,
    incidentId,
    dataCategories: [...data.dataCategories],
    dataDescription,
    period: { from: period.from, to: period.to },
  };
};

/** Order of refusals: REQUEST_EXISTS, shape, AGENT_NOT_HABILITATED, OPERATOR_*, INCIDENT_NOT_FOUND, PERIOD_INVALID. */
export const decideFileRequest = (
  { data }: FileRequest,
  state: RequestState,
  ctx: FileRequestContext | undefined,
): RequestEvent[] => {
  if (ctx === undefined) throw new Error('FileRequest needs the agent, list, operator and incident facts');
  assertRequestIsNew(state);
  checkShape(data);
  assertAgentMayFile(ctx.agent, ctx.latestList, data.agentId, data.filedAt);
  assertOperatorFound(ctx.operator);
  const decisionRef = ctx.agent.decisionRef;
  const filed =
    data.kind === 'subscriber-identification'
      ? identification(data, ctx, decisionRef)
      : technical(data, ctx, decisionRef);
  return [{ type: 'RequestFiled', data: filed }];
};
