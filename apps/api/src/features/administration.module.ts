import { Module } from '@nestjs/common';
import { HabilitateAgentController } from '../agents/habilitate-agent.controller';
import { TransmitHabilitationListController } from '../habilitation-lists/transmit-habilitation-list.controller';
import { NotifyIncidentController } from '../incidents/notify-incident.controller';
import { RegisterOperatorController } from '../operators/register-operator.controller';

/** Operators, agents and their habilitation, the lists sent to operators, incidents. */
@Module({
  controllers: [RegisterOperatorController, HabilitateAgentController, TransmitHabilitationListController, NotifyIncidentController],
})
export class AdministrationModule {}
