import { Module } from '@nestjs/common';
import { AuditEventsController } from '../audit/audit-events.controller';

/** The log itself for auditors: its events and the verification of its hash chains. */
@Module({ controllers: [AuditEventsController] })
export class AuditModule {}
