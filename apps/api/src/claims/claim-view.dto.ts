import { ApiProperty } from '@nestjs/swagger';
import { ClaimListItemDto } from './list-claims.dto';

/** docs/api.md, `GET /v1/claims/{claimId}`: a claim as listed, plus the tariff comparison and what remains to pay. */
export class ClaimViewDto extends ClaimListItemDto {
  @ApiProperty({ type: 'integer', description: 'Tariff-based expected amount when the claim was filed' }) expectedCents!: number;
  @ApiProperty({ type: 'integer', description: 'claimedCents − expectedCents' }) differenceCents!: number;
  @ApiProperty({ type: 'integer', description: 'approvedCents − paidCents (0 before assessment)' }) outstandingCents!: number;
}
