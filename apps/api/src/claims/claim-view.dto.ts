import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPENSATION_CATEGORIES } from './claim-costs.dto';

/** docs/api.md, `GET /v1/claims/{claimId}`, plus the tariff comparison and what remains to pay. */
export class ClaimViewDto {
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ format: 'uuid' }) operatorId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) requestIds!: string[];
  @ApiProperty({ enum: COMPENSATION_CATEGORIES }) category!: string;
  @ApiProperty({ type: 'integer' }) claimedCents!: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Present once assessed' }) approvedCents?: number;
  @ApiProperty({ type: 'integer' }) paidCents!: number;
  @ApiProperty({ enum: ['claimed', 'assessed', 'paid'] }) status!: string;
  @ApiProperty({ type: 'integer', description: 'Tariff-based expected amount when the claim was filed' }) expectedCents!: number;
  @ApiProperty({ type: 'integer', description: 'claimedCents − expectedCents' }) differenceCents!: number;
  @ApiProperty({ type: 'integer', description: 'approvedCents − paidCents (0 before assessment)' }) outstandingCents!: number;
  @ApiProperty({ format: 'date-time' }) claimedAt!: string;
}
