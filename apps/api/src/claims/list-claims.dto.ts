import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../http/page';
import { COMPENSATION_CATEGORIES } from './claim-costs.dto';

export const CLAIM_STATUSES = ['claimed', 'assessed', 'paid'] as const;

export class ListClaimsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'An operator sees only its own claims whatever it asks' })
  @IsOptional()
  @IsUUID('all')
  operatorId?: string;

  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  status?: (typeof CLAIM_STATUSES)[number];
}

export class ClaimListItemDto {
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ format: 'uuid' }) operatorId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) requestIds!: string[];
  @ApiProperty({ enum: COMPENSATION_CATEGORIES }) category!: string;
  @ApiProperty({ type: 'integer' }) claimedCents!: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Present once assessed' }) approvedCents?: number;
  @ApiProperty({ type: 'integer' }) paidCents!: number;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) claimedAt!: string;
}

export class ClaimListDto {
  @ApiProperty({ type: [ClaimListItemDto] }) items!: ClaimListItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' }) next!: string | null;
}
