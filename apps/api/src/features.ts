import type { Type } from '@nestjs/common';
import { HabilitateAgentController } from './agents/habilitate-agent.controller';
import { TransmitHabilitationListController } from './habilitation-lists/transmit-habilitation-list.controller';
import { NotifyIncidentController } from './incidents/notify-incident.controller';
import { RegisterOperatorController } from './operators/register-operator.controller';
import { OversightNoticesController } from './oversight/oversight-notices.controller';
import { FileRequestController } from './requests/file-request.controller';
import { ReadRequestsController } from './requests/read-requests.controller';
import { AccessDataController } from './requests/access-data.controller';
import { DeclineRequestController } from './requests/decline-request.controller';
import { DeliverDataController } from './requests/deliver-data.controller';
import { PurgeDataController } from './requests/purge-data.controller';
import { SendAlertController } from './requests/send-alert.controller';
import { RetentionReportController } from './reports/retention-report.controller';
import { OversightReportController } from './reports/oversight-report.controller';
import { AuditEventsController } from './audit/audit-events.controller';
import { AssessClaimController } from './claims/assess-claim.controller';
import { ClaimCostsController } from './claims/claim-costs.controller';
import { PayCompensationController } from './claims/pay-compensation.controller';
import { ReadClaimController } from './claims/read-claim.controller';
import { CompensationReportController } from './reports/compensation-report.controller';

/** The use-case controllers, one vertical slice each (STYLE.md §8). */
export const FEATURE_CONTROLLERS: readonly Type<unknown>[] = [
  RegisterOperatorController,
  HabilitateAgentController,
  TransmitHabilitationListController,
  NotifyIncidentController,
  FileRequestController,
  ReadRequestsController,
  OversightNoticesController,
  DeliverDataController,
  DeclineRequestController,
  AccessDataController,
  SendAlertController,
  PurgeDataController,
  RetentionReportController,
  OversightReportController,
  AuditEventsController,
  ClaimCostsController,
  ReadClaimController,
  AssessClaimController,
  PayCompensationController,
  CompensationReportController,
];
