import type { Type } from '@nestjs/common';
import { HabilitateAgentController } from './agents/habilitate-agent.controller';
import { TransmitHabilitationListController } from './habilitation-lists/transmit-habilitation-list.controller';
import { NotifyIncidentController } from './incidents/notify-incident.controller';
import { RegisterOperatorController } from './operators/register-operator.controller';
import { OversightNoticesController } from './oversight/oversight-notices.controller';
import { FileRequestController } from './requests/file-request.controller';
import { ReadRequestsController } from './requests/read-requests.controller';

/** The use-case controllers, one vertical slice each (STYLE.md §8). */
export const FEATURE_CONTROLLERS: readonly Type<unknown>[] = [
  RegisterOperatorController,
  HabilitateAgentController,
  TransmitHabilitationListController,
  NotifyIncidentController,
  FileRequestController,
  ReadRequestsController,
  OversightNoticesController,
];
