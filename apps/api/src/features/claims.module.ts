import { Module } from '@nestjs/common';
import { AssessClaimController } from '../claims/assess-claim.controller';
import { ClaimCostsController } from '../claims/claim-costs.controller';
import { ListClaimsController } from '../claims/list-claims.controller';
import { PayCompensationController } from '../claims/pay-compensation.controller';
import { ReadClaimController } from '../claims/read-claim.controller';

/** Compensation of the operators' costs (L2321-3 al. 3): claims, assessment, payment. */
@Module({ controllers: [ClaimCostsController, ListClaimsController, ReadClaimController, AssessClaimController, PayCompensationController] })
export class ClaimsModule {}
