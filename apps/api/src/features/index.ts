import type { Type } from '@nestjs/common';
import { AdministrationModule } from './administration.module';
import { AuditModule } from './audit.module';
import { ClaimsModule } from './claims.module';
import { OperationsModule } from './operations.module';
import { PrincipalsModule } from './principals.module';
import { ReportsModule } from './reports.module';
import { RequestsModule } from './requests.module';

export { AdministrationModule, AuditModule, ClaimsModule, OperationsModule, PrincipalsModule, ReportsModule, RequestsModule };

/** The feature modules of the API, one per part of the workflow, each holding its controllers. */
export const FEATURE_MODULES: readonly Type<unknown>[] = [
  OperationsModule,
  AdministrationModule,
  RequestsModule,
  ReportsModule,
  AuditModule,
  ClaimsModule,
  PrincipalsModule,
];
