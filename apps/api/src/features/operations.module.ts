import { Module } from '@nestjs/common';
import { HealthController } from '../operations/health.controller';
import { MetricsController } from '../operations/metrics.controller';

/** Unauthenticated routes for the orchestrator and Prometheus: /health and /metrics. */
@Module({ controllers: [HealthController, MetricsController] })
export class OperationsModule {}
