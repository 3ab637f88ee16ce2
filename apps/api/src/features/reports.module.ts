import { Module } from '@nestjs/common';
import { CompensationReportController } from '../reports/compensation-report.controller';
import { OversightReportController } from '../reports/oversight-report.controller';
import { RetentionReportController } from '../reports/retention-report.controller';

/** Retention, oversight and compensation reports, from the read models. */
@Module({ controllers: [RetentionReportController, OversightReportController, CompensationReportController] })
export class ReportsModule {}
